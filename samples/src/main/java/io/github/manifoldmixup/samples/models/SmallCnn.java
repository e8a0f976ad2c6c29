package io.github.manifoldmixup.samples.models;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import io.github.manifoldmixup.dsl.Mixable;

/**
 * A small convolutional network for 28x28 grey images, written declaratively: the children are the
 * fields, in order, and the annotation processor generates {@code MixupSmallCnn}, which chains them
 * and mixes after the three {@code @Mixable} fields.
 */
@Mixable
public abstract class SmallCnn extends AbstractBlock {

    /** 32 channels at 28x28. */
    @Mixable Block conv1 = Layers.convBnRelu(32);

    Block pool1 = Layers.maxPool();

    /** 64 channels at 14x14. */
    @Mixable Block conv2 = Layers.convBnRelu(64);

    Block pool2 = Layers.maxPool();

    /** 128 features. */
    @Mixable Block dense = Layers.flattenDense(128);

    Block head = Layers.logits(10);
}
