package io.github.manifoldmixup.runtime;

import static io.github.manifoldmixup.runtime.TrainingSupport.blend;
import static io.github.manifoldmixup.runtime.TrainingSupport.floats;
import static io.github.manifoldmixup.runtime.TrainingSupport.logSoftmax;
import static io.github.manifoldmixup.runtime.TrainingSupport.trainer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixupLossTest extends ArrayTest {

    private static final int N = 6;
    private static final int C = 3;

    private final Random random = new Random(5);

    /** Runs one mixed training forward pass whose predictions are the mixed input logits. */
    private Object[] mixedPass(Loss loss, float[] logits, NDArray labels) {
        ManifoldMixup mixup =
                ManifoldMixup.builder().optInputMixup(false).optAlpha(1).optSeed(3).build();
        MixupLoss wrapped = mixup.wrap(loss);
        Model model = TestModels.model(new TrainingSupport.IdentityNet());
        Trainer trainer = trainer(model, wrapped, new Shape(N, C), List.of(), mixup);
        NDList predictions = trainer.forward(new NDList(manager.create(logits, new Shape(N, C))));
        Draw draw = mixup.getDrawSource().forPredictions(predictions);
        assertNotNull(draw);
        float value = wrapped.evaluate(new NDList(labels), predictions).getFloat();
        float plain = loss.evaluate(new NDList(labels), predictions).getFloat();
        trainer.close();
        return new Object[] {draw, floats(predictions.head()), value, plain};
    }

    @Test
    void evaluate_sparseSoftmaxCrossEntropyIsPerSampleInterpolation() {
        float[] logits = randomValues(N * C);
        int[] y = {0, 2, 1, 1, 0, 2};
        NDArray labels = manager.create(new float[] {0, 2, 1, 1, 0, 2});

        Object[] pass = mixedPass(Loss.softmaxCrossEntropyLoss(), logits, labels);

        Draw draw = (Draw) pass[0];
        float[] predictions = (float[]) pass[1];
        assertEquals(floats(manager.create(blend(logits, draw))).length, predictions.length);
        int[] perm = draw.permutationOnHost();
        double[] lambda = draw.lambdaOnHost();
        double expected = 0;
        for (int i = 0; i < N; i++) {
            double[] logp = logSoftmax(predictions, i, C);
            expected += -(lambda[i] * logp[y[i]] + (1 - lambda[i]) * logp[y[perm[i]]]);
        }
        expected /= N;
        assertEquals(expected, (float) pass[2], 1e-5);
    }

    @Test
    void evaluate_denseSoftmaxCrossEntropyIsPerSampleInterpolation() {
        float[] logits = randomValues(N * C);
        float[] soft = new float[N * C];
        for (int i = 0; i < N; i++) {
            soft[i * C + (i % C)] = 0.75f;
            soft[i * C + ((i + 1) % C)] = 0.25f;
        }
        Loss dense = Loss.softmaxCrossEntropyLoss("ce", 2f, -1, false, true);

        Object[] pass = mixedPass(dense, logits, manager.create(soft, new Shape(N, C)));

        Draw draw = (Draw) pass[0];
        float[] predictions = (float[]) pass[1];
        int[] perm = draw.permutationOnHost();
        double[] lambda = draw.lambdaOnHost();
        double expected = 0;
        for (int i = 0; i < N; i++) {
            double[] logp = logSoftmax(predictions, i, C);
            double own = 0;
            double partner = 0;
            for (int c = 0; c < C; c++) {
                own -= logp[c] * soft[i * C + c];
                partner -= logp[c] * soft[perm[i] * C + c];
            }
            expected += 2 * (lambda[i] * own + (1 - lambda[i]) * partner);
        }
        expected /= N;
        assertEquals(expected, (float) pass[2], 1e-5);
    }

    @Test
    void evaluate_sigmoidBinaryCrossEntropyIsPerSampleInterpolation() {
        float[] logits = randomValues(N * C);
        float[] multiHot = new float[N * C];
        for (int k = 0; k < multiHot.length; k++) {
            multiHot[k] = random.nextBoolean() ? 1 : 0;
        }

        Object[] pass =
                mixedPass(
                        Loss.sigmoidBinaryCrossEntropyLoss(),
                        logits,
                        manager.create(multiHot, new Shape(N, C)));

        Draw draw = (Draw) pass[0];
        float[] x = (float[]) pass[1];
        int[] perm = draw.permutationOnHost();
        double[] lambda = draw.lambdaOnHost();
        double expected = 0;
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < C; c++) {
                double own = bce(x[i * C + c], multiHot[i * C + c]);
                double partner = bce(x[i * C + c], multiHot[perm[i] * C + c]);
                expected += lambda[i] * own + (1 - lambda[i]) * partner;
            }
        }
        expected /= N * C;
        assertEquals(expected, (float) pass[2], 1e-5);
    }

    @Test
    void evaluate_l2LossGetsInterpolatedTargets() {
        float[] predictionsIn = randomValues(N * C);
        float[] targets = randomValues(N * C);

        Object[] pass =
                mixedPass(Loss.l2Loss(), predictionsIn, manager.create(targets, new Shape(N, C)));

        Draw draw = (Draw) pass[0];
        float[] predictions = (float[]) pass[1];
        float[] mixedTargets = blend(targets, draw);
        double expected = 0;
        for (int k = 0; k < targets.length; k++) {
            double d = mixedTargets[k] - predictions[k];
            expected += 0.5 * d * d;
        }
        expected /= targets.length;
        assertEquals(expected, (float) pass[2], 1e-5);
    }

    @Test
    void evaluate_l1LossGetsInterpolatedTargets() {
        float[] predictionsIn = randomValues(N * C);
        float[] targets = randomValues(N * C);

        Object[] pass =
                mixedPass(Loss.l1Loss(), predictionsIn, manager.create(targets, new Shape(N, C)));

        Draw draw = (Draw) pass[0];
        float[] predictions = (float[]) pass[1];
        float[] mixedTargets = blend(targets, draw);
        double expected = 0;
        for (int k = 0; k < targets.length; k++) {
            expected += Math.abs(mixedTargets[k] - predictions[k]);
        }
        expected /= targets.length;
        assertEquals(expected, (float) pass[2], 1e-5);
    }

    @Test
    void evaluate_unmixedPredictionsGetTheWrappedLoss() {
        ManifoldMixup mixup = ManifoldMixup.builder().optSeed(1).build();
        Loss plain = Loss.softmaxCrossEntropyLoss();
        MixupLoss wrapped = mixup.wrap(plain);
        NDList labels = new NDList(manager.create(new float[] {0, 1, 2, 0, 1, 2}));
        NDList predictions = new NDList(manager.create(randomValues(N * C), new Shape(N, C)));

        assertEquals(
                plain.evaluate(labels, predictions).getFloat(),
                wrapped.evaluate(labels, predictions).getFloat(),
                0f);
        assertEquals("SoftmaxCrossEntropyLoss", wrapped.getName());
    }

    @Test
    void evaluate_labelsOfAnotherBatchSizeAreRejected() {
        MixupLoss wrapped = ManifoldMixup.builder().build().wrap(Loss.softmaxCrossEntropyLoss());
        NDList labels = new NDList(manager.create(new float[] {0, 1, 2}));
        NDList predictions = new NDList(manager.create(randomValues(N * C), new Shape(N, C)));

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> wrapped.evaluate(labels, predictions));
        assertTrue(e.getMessage().contains("same batch size"), e.getMessage());
    }

    @Test
    @SuppressWarnings("try")
    void outputMixup_mixesPredictionsAndTargetsOfATrainingPass() {
        OutputMixup mixup = OutputMixup.builder().optAlpha(1).optSeed(8).build();
        MixupLoss wrapped = mixup.wrap(Loss.softmaxCrossEntropyLoss());
        Model model = TestModels.model(new TestModels.CustomNet());
        Trainer trainer =
                trainer(model, wrapped, new Shape(N, TestModels.FEATURES), List.of(), mixup);
        NDArray data = manager.create(randomValues(N * TestModels.FEATURES), new Shape(N, 8));
        int[] y = {0, 1, 2, 3, 0, 1};
        NDList labels = new NDList(manager.create(new float[] {0, 1, 2, 3, 0, 1}));

        float value;
        NDList predictions;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            predictions = trainer.forward(new NDList(data));
            value = wrapped.evaluate(labels, predictions).getFloat();
        }

        Draw draw = mixup.getDrawSource().forPredictions(predictions);
        assertNotNull(draw, "a training pass gets a draw");
        float[] mixed = floats(predictions.head());
        NDList evaluation = trainer.evaluate(new NDList(data));
        assertArrayEquals(blend(floats(evaluation.head()), draw), mixed, 1e-5f, "output mixed");
        int[] perm = draw.permutationOnHost();
        double[] lambda = draw.lambdaOnHost();
        double expected = 0;
        for (int i = 0; i < N; i++) {
            double[] logp = logSoftmax(mixed, i, TestModels.CLASSES);
            expected += -(lambda[i] * logp[y[i]] + (1 - lambda[i]) * logp[y[perm[i]]]);
        }
        assertEquals(expected / N, value, 1e-5);
        assertEquals(
                value,
                wrapped.evaluate(labels, predictions).getFloat(),
                1e-6,
                "evaluating again, as DJL's logging does, gives the optimised loss");

        assertEquals(
                Loss.softmaxCrossEntropyLoss().evaluate(labels, evaluation).getFloat(),
                wrapped.evaluate(labels, evaluation).getFloat(),
                0f,
                "evaluation predictions are not mixed");
        trainer.close();
        assertTrue(model.getBlock() instanceof TestModels.CustomNet, "model block restored");
    }

    @Test
    void accuracy_weighsOwnAndPartnerLabelsByLambda() {
        float[] logits = randomValues(N * C);
        float[] labelValues = {0, 2, 1, 1, 0, 2};
        ManifoldMixup mixup =
                ManifoldMixup.builder().optInputMixup(false).optAlpha(1).optSeed(3).build();
        MixupLoss wrapped = mixup.wrap(Loss.softmaxCrossEntropyLoss());
        MixupAccuracy accuracy = mixup.accuracy();
        Model model = TestModels.model(new TrainingSupport.IdentityNet());
        Trainer trainer = trainer(model, wrapped, new Shape(N, C), List.of(), mixup);
        NDList predictions = trainer.forward(new NDList(manager.create(logits, new Shape(N, C))));
        NDList labels = new NDList(manager.create(labelValues));

        float value = accuracy.evaluate(labels, predictions).getFloat();

        Draw draw = mixup.getDrawSource().forPredictions(predictions);
        float[] mixed = floats(predictions.head());
        int[] perm = draw.permutationOnHost();
        double[] lambda = draw.lambdaOnHost();
        double expected = 0;
        for (int i = 0; i < N; i++) {
            int predicted = argMax(mixed, i, C);
            expected += lambda[i] * (predicted == (int) labelValues[i] ? 1 : 0);
            expected += (1 - lambda[i]) * (predicted == (int) labelValues[perm[i]] ? 1 : 0);
        }
        assertEquals(expected / N, value, 1e-6);
        trainer.close();
    }

    private static int argMax(float[] values, int row, int width) {
        int best = 0;
        for (int c = 1; c < width; c++) {
            if (values[row * width + c] > values[row * width + best]) {
                best = c;
            }
        }
        return best;
    }

    private static double bce(double x, double y) {
        return Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private float[] randomValues(int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian() * 2;
        }
        return values;
    }
}
