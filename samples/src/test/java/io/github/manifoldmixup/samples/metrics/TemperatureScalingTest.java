package io.github.manifoldmixup.samples.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    @Test
    void fit_findsTemperatureThatMatchesObservedFrequency() {
        // Four samples with logits (4, 0); three have label 0. The NLL of logits / T is least
        // when sigmoid(4 / T) = 3/4, that is 4 / T = ln 3, so T = 4 / ln 3 = 3.640957.
        double[] logits = {4, 0, 4, 0, 4, 0, 4, 0};
        int[] labels = {0, 0, 0, 1};

        TemperatureScaling scaling = TemperatureScaling.fit(logits, labels);

        assertEquals(4 / Math.log(3), scaling.temperature(), 1e-9);
    }

    @Test
    void overConfidentLogits_getTemperatureAboveOneAndLowerNll() {
        // Labels are drawn from the softmax of z, so z is calibrated; the model reports 3 z.
        Random random = new Random(2024);
        int n = 2000;
        int classes = 5;
        double[] overConfident = new double[n * classes];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[classes];
            for (int k = 0; k < classes; k++) {
                z[k] = 1.5 * random.nextGaussian();
            }
            labels[i] = draw(ClassificationMetrics.softmax(z, classes), random);
            for (int k = 0; k < classes; k++) {
                overConfident[i * classes + k] = 3 * z[k];
            }
        }

        TemperatureScaling scaling = TemperatureScaling.fit(overConfident, labels);
        double[] scaled = scaling.apply(overConfident);

        assertTrue(scaling.temperature() > 2.5 && scaling.temperature() < 3.5, scaling.toString());
        double before = ClassificationMetrics.meanNll(overConfident, labels);
        double after = ClassificationMetrics.meanNll(scaled, labels);
        assertTrue(after < before - 0.1, "NLL " + before + " -> " + after);
        assertTrue(
                ClassificationMetrics.expectedCalibrationError(scaled, labels)
                        < ClassificationMetrics.expectedCalibrationError(overConfident, labels));
        assertEquals(
                ClassificationMetrics.accuracy(overConfident, labels),
                ClassificationMetrics.accuracy(scaled, labels),
                "scaling never changes the predicted class");
    }

    @Test
    void fittedTemperature_isLocalMinimumOfNll() {
        double[] logits = {2, -1, 0.5, 0.3, 0.2, 2.5, -2, 1, 1.5, 3, 0, -1};
        int[] labels = {0, 2, 1, 0};

        double t = TemperatureScaling.fit(logits, labels).temperature();

        double atT = ClassificationMetrics.meanNll(TemperatureScaling.of(t).apply(logits), labels);
        for (double factor : new double[] {0.999, 1.001}) {
            double nearby =
                    ClassificationMetrics.meanNll(
                            TemperatureScaling.of(t * factor).apply(logits), labels);
            assertTrue(nearby >= atT, "T " + t * factor + " gives " + nearby + " < " + atT);
        }
    }

    @Test
    void separableLogits_stopAtSmallestTemperature() {
        // Every sample is right: the NLL keeps falling as T shrinks, down to the range's end.
        double[] logits = {1, 0, 0, 1};
        int[] labels = {0, 1};

        double t = TemperatureScaling.fit(logits, labels).temperature();

        assertEquals(Math.exp(TemperatureScaling.MIN_LOG_TEMPERATURE), t, 1e-4);
    }

    @Test
    void apply_dividesByTemperature() {
        TemperatureScaling scaling = TemperatureScaling.of(2);

        assertArrayEquals(new double[] {1, -0.5, 0}, scaling.apply(new double[] {2, -1, 0}));
        assertArrayEquals(new float[] {1.5f, 0f}, scaling.apply(new float[] {3f, 0f}));
    }

    @Test
    void of_rejectsNonPositiveTemperature() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TemperatureScaling.of(0));

        assertEquals("temperature must be finite and > 0, found 0.0", e.getMessage());
    }

    private static int draw(double[] probabilities, Random random) {
        double u = random.nextDouble();
        for (int k = 0; k < probabilities.length; k++) {
            u -= probabilities[k];
            if (u < 0) {
                return k;
            }
        }
        return probabilities.length - 1;
    }
}
