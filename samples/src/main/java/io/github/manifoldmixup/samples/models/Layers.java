package io.github.manifoldmixup.samples.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** The small building blocks the sample models are made of. */
public final class Layers {

    private Layers() {}

    /**
     * A 3x3 convolution with "same" padding.
     *
     * @param filters the number of output channels
     * @param stride the stride in both directions
     * @return the convolution
     */
    public static Block conv3x3(int filters, int stride) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1))
                .optBias(false)
                .build();
    }

    /**
     * Convolution, batch norm and ReLU.
     *
     * @param filters the number of output channels
     * @return the unit
     */
    public static Block convBnRelu(int filters) {
        return new SequentialBlock()
                .add(conv3x3(filters, 1))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }

    /**
     * 2x2 max pooling with stride 2.
     *
     * @return the pooling block
     */
    public static Block maxPool() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
    }

    /**
     * Flattens the batch and applies a dense layer with ReLU.
     *
     * @param units the number of outputs
     * @return the unit
     */
    public static Block flattenDense(int units) {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(units).build())
                .add(Activation.reluBlock());
    }

    /**
     * A dense layer with ReLU.
     *
     * @param units the number of outputs
     * @return the unit
     */
    public static Block dense(int units) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(units).build())
                .add(Activation.reluBlock());
    }

    /**
     * A linear classifier producing logits.
     *
     * @param classes the number of classes
     * @return the layer
     */
    public static Block logits(int classes) {
        return Linear.builder().setUnits(classes).build();
    }
}
