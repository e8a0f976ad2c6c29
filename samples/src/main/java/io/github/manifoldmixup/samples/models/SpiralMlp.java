package io.github.manifoldmixup.samples.models;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import io.github.manifoldmixup.dsl.Mixable;

/**
 * A multi-layer perceptron for two classes of 2-D points, written declaratively; its three hidden
 * layers are the mixup sites.
 */
@Mixable
public abstract class SpiralMlp extends AbstractBlock {

    @Mixable Block hidden1 = Layers.dense(64);

    @Mixable Block hidden2 = Layers.dense(64);

    @Mixable Block hidden3 = Layers.dense(64);

    Block head = Layers.logits(2);
}
