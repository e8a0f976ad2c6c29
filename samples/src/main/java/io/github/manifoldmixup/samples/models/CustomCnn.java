package io.github.manifoldmixup.samples.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.manifoldmixup.dsl.Mixable;

/**
 * A convolutional network that writes its own forward pass: activations and pooling are applied
 * inline, between the child blocks held in fields. The generated {@code MixupCustomCnn} fronts each
 * {@code @Mixable} field with a site block, so this forward pass reaches the blend unchanged.
 */
@Mixable
public class CustomCnn extends AbstractBlock {

    @Mixable Block conv1;
    @Mixable Block conv2;
    @Mixable Block hidden;
    Block output;

    /** Builds the network for 10 classes. */
    public CustomCnn() {
        conv1 = addChildBlock("conv1", conv(32));
        conv2 = addChildBlock("conv2", conv(64));
        hidden = addChildBlock("hidden", Linear.builder().setUnits(128).build());
        output = addChildBlock("output", Linear.builder().setUnits(10).build());
    }

    private static Block conv(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .setFilters(filters)
                .optPadding(new Shape(1, 1))
                .build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = conv1.forward(parameterStore, inputs, training, params).head();
        x = pool(Activation.relu(x));
        x = conv2.forward(parameterStore, new NDList(x), training, params).head();
        x = pool(Activation.relu(x));
        x = x.reshape(x.getShape().get(0), -1);
        x = hidden.forward(parameterStore, new NDList(x), training, params).head();
        x = Activation.relu(x);
        return output.forward(parameterStore, new NDList(x), training, params);
    }

    private static NDArray pool(NDArray x) {
        return Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 10)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        conv1.initialize(manager, dataType, inputShapes);
        Shape afterConv1 = conv1.getOutputShapes(inputShapes)[0];
        Shape pooled1 =
                new Shape(batch, afterConv1.get(1), afterConv1.get(2) / 2, afterConv1.get(3) / 2);
        conv2.initialize(manager, dataType, pooled1);
        Shape afterConv2 = conv2.getOutputShapes(new Shape[] {pooled1})[0];
        Shape flat =
                new Shape(
                        batch,
                        afterConv2.get(1) * (afterConv2.get(2) / 2) * (afterConv2.get(3) / 2));
        hidden.initialize(manager, dataType, flat);
        output.initialize(manager, dataType, hidden.getOutputShapes(new Shape[] {flat}));
    }
}
