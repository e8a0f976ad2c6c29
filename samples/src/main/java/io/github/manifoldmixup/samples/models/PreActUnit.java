package io.github.manifoldmixup.samples.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.manifoldmixup.dsl.Residual;

/**
 * A pre-activation residual unit (He et al., 2016): batch norm, ReLU and a 3x3 convolution, twice,
 * added to a shortcut that is the identity or a strided 1x1 projection. Marked {@code @Residual}:
 * the unit's output is a mixup site and nothing inside it is.
 */
@Residual
public class PreActUnit extends AbstractBlock {

    private final Block branch;
    private final Block shortcut;

    /**
     * Builds a unit.
     *
     * @param filters the number of output channels
     * @param stride 1, or 2 to halve the resolution
     * @param project whether the shortcut projects (needed when channels or resolution change)
     */
    public PreActUnit(int filters, int stride, boolean project) {
        branch =
                addChildBlock(
                        "branch",
                        new SequentialBlock()
                                .add(BatchNorm.builder().build())
                                .add(Activation.reluBlock())
                                .add(Layers.conv3x3(filters, stride))
                                .add(BatchNorm.builder().build())
                                .add(Activation.reluBlock())
                                .add(Layers.conv3x3(filters, 1)));
        shortcut =
                addChildBlock(
                        "shortcut",
                        project
                                ? Conv2d.builder()
                                        .setKernelShape(new Shape(1, 1))
                                        .setFilters(filters)
                                        .optStride(new Shape(stride, stride))
                                        .optBias(false)
                                        .build()
                                : Blocks.identityBlock());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDList residual = branch.forward(parameterStore, inputs, training, params);
        NDList skip = shortcut.forward(parameterStore, inputs, training, params);
        return new NDList(residual.head().add(skip.head()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return branch.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        branch.initialize(manager, dataType, inputShapes);
        shortcut.initialize(manager, dataType, inputShapes);
    }
}
