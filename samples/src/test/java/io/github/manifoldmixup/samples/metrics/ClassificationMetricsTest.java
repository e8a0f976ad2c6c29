package io.github.manifoldmixup.samples.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final double EPS = 1e-6;

    /*
     * Two classes, four samples:
     *   (2, 0) label 0: predicts 0, confidence sigmoid(2) = 0.880797, p(label) = 0.880797
     *   (0, 1) label 1: predicts 1, confidence sigmoid(1) = 0.731059, p(label) = 0.731059
     *   (0, 0) label 0: a tie predicts 0, confidence 0.5,             p(label) = 0.5
     *   (3, 0) label 1: predicts 0, confidence sigmoid(3) = 0.952574, p(label) = 0.047426
     */
    private static final double[] TWO_CLASS_LOGITS = {2, 0, 0, 1, 0, 0, 3, 0};
    private static final int[] TWO_CLASS_LABELS = {0, 1, 0, 1};

    /*
     * Three classes; logits are log-probabilities, so the softmax gives them back, plus a
     * different constant per row, which the softmax ignores:
     *   p = (0.7, 0.2, 0.1)   label 0: correct, confidence 0.70, bin 10 = (10/15, 11/15]
     *   p = (0.1, 0.72, 0.18) label 2: wrong,   confidence 0.72, bin 10
     *   p = (0.3, 0.25, 0.45) label 2: correct, confidence 0.45, bin 6 = (6/15, 7/15]
     */
    private static final double[][] THREE_CLASS_PROBABILITIES = {
        {0.7, 0.2, 0.1}, {0.1, 0.72, 0.18}, {0.3, 0.25, 0.45}
    };
    private static final int[] THREE_CLASS_LABELS = {0, 2, 2};

    private static double[] threeClassLogits() {
        double[] logits = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                logits[3 * i + k] = Math.log(THREE_CLASS_PROBABILITIES[i][k]) + 5 * i - 3;
            }
        }
        return logits;
    }

    @Test
    void accuracy_countsArgmaxHitsWithFirstIndexOnTies() {
        // Hits: samples 0, 1 and 2 (the tie goes to class 0); sample 3 misses.
        assertEquals(0.75, ClassificationMetrics.accuracy(TWO_CLASS_LOGITS, TWO_CLASS_LABELS));
        assertEquals(
                2.0 / 3, ClassificationMetrics.accuracy(threeClassLogits(), THREE_CLASS_LABELS));
    }

    @Test
    void meanNll_matchesHandComputedValue() {
        // -(ln 0.880797 + ln 0.731059 + ln 0.5 + ln 0.047426) / 4
        //   = (0.126928 + 0.313262 + 0.693147 + 3.048587) / 4 = 1.045481
        assertEquals(
                1.045481, ClassificationMetrics.meanNll(TWO_CLASS_LOGITS, TWO_CLASS_LABELS), EPS);
        // -(ln 0.7 + ln 0.18 + ln 0.45) / 3 = (0.356675 + 1.714798 + 0.798508) / 3 = 0.956660
        assertEquals(
                0.956660,
                ClassificationMetrics.meanNll(threeClassLogits(), THREE_CLASS_LABELS),
                EPS);
    }

    @Test
    void meanNll_staysFiniteForHugeLogits() {
        // log-softmax of (1000, 0) at class 1 is -1000 exactly; a naive exp would overflow.
        assertEquals(1000.0, ClassificationMetrics.meanNll(new double[] {1000, 0}, new int[] {1}));
        assertEquals(0.0, ClassificationMetrics.meanNll(new double[] {1000, 0}, new int[] {0}));
    }

    @Test
    void floatOverloads_agreeWithDouble() {
        float[] logits = {2, 0, 0, 1, 0, 0, 3, 0};

        assertEquals(1.045481, ClassificationMetrics.meanNll(logits, TWO_CLASS_LABELS), EPS);
        assertEquals(0.75, ClassificationMetrics.accuracy(logits, TWO_CLASS_LABELS));
        assertEquals(
                0.460180,
                ClassificationMetrics.expectedCalibrationError(logits, TWO_CLASS_LABELS),
                EPS);
    }

    @Test
    void ece_oneSamplePerBin_matchesHandComputedValue() {
        // Bins (15 of width 1/15): 0.5 in bin 7, 0.731 in bin 10, 0.881 in bin 13, 0.953 in 14,
        // one sample each:
        // (|1 - 0.5| + |1 - 0.731059| + |1 - 0.880797| + |0 - 0.952574|) / 4
        //   = (0.5 + 0.268941 + 0.119203 + 0.952574) / 4 = 0.460180
        assertEquals(
                0.460180,
                ClassificationMetrics.expectedCalibrationError(TWO_CLASS_LOGITS, TWO_CLASS_LABELS),
                EPS);
    }

    @Test
    void ece_sharedBin_weighsBinGapBySize() {
        // Bin 10: two samples, mean confidence 0.71, accuracy 0.5: 2/3 * 0.21 = 0.14.
        // Bin 6: one sample, confidence 0.45, accuracy 1: 1/3 * 0.55 = 0.183333.
        // ECE = 0.323333.
        assertEquals(
                0.323333,
                ClassificationMetrics.expectedCalibrationError(
                        threeClassLogits(), THREE_CLASS_LABELS),
                EPS);
    }

    @Test
    void reliability_reportsCountConfidenceAndAccuracyPerBin() {
        ReliabilityDiagram diagram =
                ClassificationMetrics.reliability(threeClassLogits(), THREE_CLASS_LABELS);

        List<ReliabilityBin> bins = diagram.bins();
        assertEquals(15, bins.size());
        assertEquals(3, diagram.sampleCount());
        ReliabilityBin ten = bins.get(10);
        assertEquals(10.0 / 15, ten.lower(), 1e-12);
        assertEquals(11.0 / 15, ten.upper(), 1e-12);
        assertEquals(2, ten.count());
        assertEquals(0.71, ten.meanConfidence(), EPS);
        assertEquals(0.5, ten.accuracy());
        assertEquals(-0.21, ten.gap(), EPS);
        assertEquals(1, bins.get(6).count());
        assertTrue(bins.get(0).isEmpty());
        assertTrue(Double.isNaN(bins.get(0).accuracy()));
        assertEquals(0.55, diagram.maximumCalibrationError(), EPS);
    }

    @Test
    void binEdge_belongsToLowerBin() {
        // Softmax of (0, 0) is exactly 0.5 and of (0, 0, 0, 0) exactly 0.25: with 2 bins
        // (0, 0.5] and (0.5, 1], and with 4 bins, the confidence sits on an upper edge and
        // belongs to the lower bin.
        ReliabilityDiagram two =
                ClassificationMetrics.reliability(new double[] {0, 0}, new int[] {0}, 2);
        ReliabilityDiagram four =
                ClassificationMetrics.reliability(new double[] {0, 0, 0, 0}, new int[] {0}, 4);

        assertEquals(1, two.bins().get(0).count());
        assertEquals(1, four.bins().get(0).count());
        assertEquals(0, ClassificationMetrics.binOf(0.0, 15));
        assertEquals(14, ClassificationMetrics.binOf(1.0, 15));
        assertEquals(1, ClassificationMetrics.binOf(2.0 / 15, 15));
        assertEquals(2, ClassificationMetrics.binOf(Math.nextUp(2.0 / 15), 15));
    }

    @Test
    void softmax_rowsSumToOne() {
        double[] p = ClassificationMetrics.softmax(new double[] {1, 2, 3, 1000, 1000, 0}, 3);

        assertEquals(0.090031, p[0], EPS);
        assertEquals(0.244728, p[1], EPS);
        assertEquals(0.665241, p[2], EPS);
        assertEquals(0.5, p[3], EPS);
        assertEquals(0.0, p[5], EPS);
    }

    @Test
    void mismatchedLengths_areRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ClassificationMetrics.accuracy(new double[5], new int[2]));

        assertEquals(
                "logits must hold n * classCount values for n = 2 labels, found 5 values",
                e.getMessage());
    }

    @Test
    void labelOutOfRange_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ClassificationMetrics.meanNll(new double[4], new int[] {0, 2}));

        assertEquals(
                "labels must lie in [0, 2) for 2 logits per sample, found 2 at position 1",
                e.getMessage());
    }
}
