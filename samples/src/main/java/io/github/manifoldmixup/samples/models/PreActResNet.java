package io.github.manifoldmixup.samples.models;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import io.github.manifoldmixup.dsl.Mixable;

/**
 * A pre-activation ResNet in three stages, one {@link PreActUnit} each (16, 32 and 64 channels at
 * 28, 14 and 7 pixels). No field is marked, so the processor takes the residual units as the sites
 * (rule 2): mixing happens between units, never inside one.
 */
@Mixable
public abstract class PreActResNet extends AbstractBlock {

    Block stem = Layers.conv3x3(16, 1);

    PreActUnit stage1 = new PreActUnit(16, 1, false);

    PreActUnit stage2 = new PreActUnit(32, 2, true);

    PreActUnit stage3 = new PreActUnit(64, 2, true);

    Block head =
            new SequentialBlock()
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(Pool.globalAvgPool2dBlock())
                    .add(Blocks.batchFlattenBlock())
                    .add(Layers.logits(10));
}
