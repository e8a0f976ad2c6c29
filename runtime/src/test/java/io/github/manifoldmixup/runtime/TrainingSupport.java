package io.github.manifoldmixup.runtime;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/** Trainers, snapshots and closed forms shared by the training tests. */
final class TrainingSupport {

    private TrainingSupport() {}

    /** A trainer on the CPU with plain SGD, the given loss, listeners and evaluators. */
    static Trainer trainer(
            Model model,
            Loss loss,
            Shape inputShape,
            List<Evaluator> evaluators,
            TrainingListener... listeners) {
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(loss)
                        .optDevices(new Device[] {Device.cpu()})
                        .optOptimizer(
                                Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build())
                        .addTrainingListeners(TrainingListener.Defaults.basic())
                        .addTrainingListeners(listeners);
        evaluators.forEach(config::addEvaluator);
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(inputShape);
        return trainer;
    }

    /** The values of every parameter, in order. */
    static List<float[]> snapshot(Model model) {
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            values.add(p.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /** A model whose only site is the identity on its input: its predictions are its input. */
    static final class IdentityNet extends AbstractBlock implements InstrumentedBlock {
        private final SiteHooks hooks =
                new SiteHooks(SiteTable.of(new Site(1, "logits", "identity", false)));

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
            x = hooks.afterSite(1, x, training);
            return hooks.exit(x, training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }

    /** log-softmax of one row. */
    static double[] logSoftmax(float[] logits, int row, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[row * classes + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[row * classes + c] - max);
        }
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = logits[row * classes + c] - max - Math.log(sum);
        }
        return out;
    }

    /** The host blend of a row-major array with a draw. */
    static float[] blend(float[] x, Draw draw) {
        int[] perm = draw.permutationOnHost();
        double[] lambda = draw.lambdaOnHost();
        int width = x.length / perm.length;
        float[] out = new float[x.length];
        for (int i = 0; i < perm.length; i++) {
            for (int f = 0; f < width; f++) {
                double own = x[i * width + f];
                double partner = x[perm[i] * width + f];
                out[i * width + f] = (float) (partner + lambda[i] * (own - partner));
            }
        }
        return out;
    }

    static float[] floats(NDArray array) {
        return array.toType(DataType.FLOAT32, false).toFloatArray();
    }
}
