package io.github.manifoldmixup.runtime;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small models and data shared by the training tests, written as the processor writes them. */
final class TestModels {

    static final int FEATURES = 8;
    static final int CLASSES = 4;
    static final int HIDDEN = 16;

    private TestModels() {}

    /** Records what flows through a block: its input and its output, per forward pass. */
    static final class Probe extends DelegatingBlock {
        final List<float[]> outputs = new ArrayList<>();
        final List<Boolean> training = new ArrayList<>();

        Probe(Block delegate) {
            super(delegate);
        }

        @Override
        public NDList forward(
                ParameterStore parameterStore,
                NDList inputs,
                boolean train,
                PairList<String, Object> params) {
            NDList out = delegate.forward(parameterStore, inputs, train, params);
            outputs.add(out.head().toType(DataType.FLOAT32, false).toFloatArray());
            training.add(train);
            return out;
        }

        void reset() {
            outputs.clear();
            training.clear();
        }
    }

    /**
     * A declarative model as the processor generates it: linear, site 1, relu, linear, site 2,
     * relu, linear head. Probes record the raw output of each site block and the input that reaches
     * the block after it.
     */
    static final class DeclarativeNet extends AbstractBlock implements InstrumentedBlock {
        static final SiteTable SITES =
                SiteTable.of(
                        new Site(1, "hidden1", "ai.djl.nn.core.Linear", false),
                        new Site(2, "hidden2", "ai.djl.nn.core.Linear", false));

        final SiteHooks hooks = new SiteHooks(SITES);
        final Probe input = new Probe(Blocks.identityBlock());
        final Probe hidden1 = new Probe(Linear.builder().setUnits(HIDDEN).build());
        final Probe afterHidden1 = new Probe(Activation.reluBlock());
        final Probe hidden2 = new Probe(Linear.builder().setUnits(HIDDEN).build());
        final Probe afterHidden2 = new Probe(Activation.reluBlock());
        final Block head = Linear.builder().setUnits(CLASSES).build();

        DeclarativeNet() {
            addChildBlock("input", input);
            addChildBlock("hidden1", hidden1);
            addChildBlock("relu1", afterHidden1);
            addChildBlock("hidden2", hidden2);
            addChildBlock("relu2", afterHidden2);
            addChildBlock("head", head);
        }

        @Override
        public SiteHooks getSiteHooks() {
            return hooks;
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps,
                NDList inputs,
                boolean training,
                PairList<String, Object> params) {
            NDList x = hooks.enter(inputs, training);
            x = input.forward(ps, x, training, params);
            x = hidden1.forward(ps, x, training, params);
            x = hooks.afterSite(1, x, training);
            x = afterHidden1.forward(ps, x, training, params);
            x = hidden2.forward(ps, x, training, params);
            x = hooks.afterSite(2, x, training);
            x = afterHidden2.forward(ps, x, training, params);
            x = head.forward(ps, x, training, params);
            return hooks.exit(x, training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape[] shapes = inputShapes;
            for (Block child : getChildren().values()) {
                shapes = child.getOutputShapes(shapes);
            }
            return shapes;
        }

        @Override
        protected void initializeChildBlocks(
                NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape[] shapes = inputShapes;
            for (Block child : getChildren().values()) {
                child.initialize(manager, dataType, shapes);
                shapes = child.getOutputShapes(shapes);
            }
        }

        /** The plain forward pass of one sample batch, with this net's parameters. */
        NDArray plain(ParameterStore ps, NDArray x) {
            NDList out = new NDList(x);
            for (Block child : getChildren().values()) {
                out = child.forward(ps, out, false);
            }
            return out.head();
        }
    }

    /**
     * A custom-forward model as the processor instruments it: the user's constructor registers the
     * children, the instrumented subclass fronts the site fields with site blocks.
     */
    static class CustomNet extends AbstractBlock {
        Block first = Linear.builder().setUnits(HIDDEN).build();
        Block second = Linear.builder().setUnits(HIDDEN).build();
        Block head = Linear.builder().setUnits(CLASSES).build();

        CustomNet() {
            addChildBlock("first", first);
            addChildBlock("second", second);
            addChildBlock("head", head);
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps,
                NDList inputs,
                boolean training,
                PairList<String, Object> params) {
            NDList x = first.forward(ps, inputs, training, params);
            x = new NDList(Activation.relu(x.head()));
            x = second.forward(ps, x, training, params);
            x = new NDList(Activation.tanh(x.head()));
            return head.forward(ps, x, training, params);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape[] shapes = inputShapes;
            for (Block child : getChildren().values()) {
                shapes = child.getOutputShapes(shapes);
            }
            return shapes;
        }

        @Override
        protected void initializeChildBlocks(
                NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape[] shapes = inputShapes;
            for (Block child : getChildren().values()) {
                child.initialize(manager, dataType, shapes);
                shapes = child.getOutputShapes(shapes);
            }
        }
    }

    /** The instrumented subclass of {@link CustomNet}, as the processor generates it. */
    static final class MixupCustomNet extends CustomNet implements InstrumentedBlock {
        static final SiteTable SITES =
                SiteTable.of(
                        new Site(1, "first", "ai.djl.nn.Block", false),
                        new Site(2, "second", "ai.djl.nn.Block", false));

        private final SiteHooks hooks = new SiteHooks(SITES);

        MixupCustomNet() {
            first = hooks.site(1, first);
            second = hooks.site(2, second);
        }

        @Override
        public SiteHooks getSiteHooks() {
            return hooks;
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps,
                NDList inputs,
                boolean training,
                PairList<String, Object> params) {
            NDList mixed = hooks.enter(inputs, training);
            return hooks.exit(super.forwardInternal(ps, mixed, training, params), training);
        }
    }

    /** Four Gaussian blobs in {@link #FEATURES} dimensions, float features and labels. */
    static ArrayDataset blobs(NDManager manager, int samples, int batchSize, long seed) {
        Random random = new Random(seed);
        float[] features = new float[samples * FEATURES];
        float[] labels = new float[samples];
        for (int i = 0; i < samples; i++) {
            int label = i % CLASSES;
            labels[i] = label;
            for (int f = 0; f < FEATURES; f++) {
                float centre = (f % CLASSES == label) ? 2f : 0f;
                features[i * FEATURES + f] = centre + (float) random.nextGaussian() * 0.7f;
            }
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(features, new Shape(samples, FEATURES)))
                .optLabels(manager.create(labels))
                .setSampling(batchSize, false)
                .build();
    }

    /** A model holding a block, on the PyTorch engine. */
    static Model model(Block block) {
        Model model = Model.newInstance("mixup-test");
        model.setBlock(block);
        return model;
    }
}
