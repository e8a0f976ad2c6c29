package io.github.manifoldmixup.samples.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Accuracy, negative log-likelihood and calibration of a classifier, computed on the host from its
 * logits and the true labels.
 *
 * <p>Every method takes the logits of {@code n} samples as one row-major array of {@code n *
 * classCount} values (what {@code NDArray.toFloatArray()} gives for logits of shape (n,
 * classCount)) and the {@code n} labels, each in [0, classCount); the number of classes is {@code
 * logits.length / labels.length}. The predicted class is the arg-max of a row, the lowest index on
 * a tie, and the confidence is the largest softmax probability of the row.
 *
 * <p>The calibration error follows Guo et al., "On Calibration of Modern Neural Networks" (ICML
 * 2017): the confidences are sorted into {@value #DEFAULT_BIN_COUNT} equal-width bins, bin {@code
 * b} of {@code B} holding the confidences in {@code (b / B, (b + 1) / B]} (the upper edge belongs
 * to the bin, and bin 0 also holds 0), and {@code ECE = sum over bins of |bin| / n * |accuracy(bin)
 * - mean confidence(bin)|}.
 */
public final class ClassificationMetrics {

    /** The number of confidence bins of the expected calibration error and reliability diagram. */
    public static final int DEFAULT_BIN_COUNT = 15;

    private ClassificationMetrics() {}

    /**
     * Returns the share of samples whose arg-max class is the label.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param labels the true classes, n of them, each in [0, classCount)
     * @return the accuracy, in [0, 1]
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     */
    public static double accuracy(double[] logits, int[] labels) {
        int classCount = classCount(logits, labels);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argmax(logits, i * classCount, classCount) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /**
     * Returns the share of samples whose arg-max class is the label.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param labels the true classes, n of them, each in [0, classCount)
     * @return the accuracy, in [0, 1]
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     */
    public static double accuracy(float[] logits, int[] labels) {
        return accuracy(toDoubles(logits), labels);
    }

    /**
     * Returns the mean negative log-likelihood of the labels under the softmax of the logits.
     *
     * <p>The log-softmax subtracts each row's maximum first, so large logits do not overflow: a row
     * (1000, 0) with label 1 costs exactly 1000.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param labels the true classes, n of them, each in [0, classCount)
     * @return the mean of {@code -log softmax(logits)[label]} over the samples, in nats, {@code >=
     *     0}
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     */
    public static double meanNll(double[] logits, int[] labels) {
        int classCount = classCount(logits, labels);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            int row = i * classCount;
            sum += logSumExp(logits, row, classCount) - logits[row + labels[i]];
        }
        return sum / labels.length;
    }

    /**
     * Returns the mean negative log-likelihood of the labels under the softmax of the logits.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param labels the true classes, n of them, each in [0, classCount)
     * @return the mean of {@code -log softmax(logits)[label]}, in nats, {@code >= 0}
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     * @see #meanNll(double[], int[])
     */
    public static double meanNll(float[] logits, int[] labels) {
        return meanNll(toDoubles(logits), labels);
    }

    /**
     * Returns the expected calibration error over {@value #DEFAULT_BIN_COUNT} equal-width bins.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param labels the true classes, n of them, each in [0, classCount)
     * @return the ECE, in [0, 1]
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     */
    public static double expectedCalibrationError(double[] logits, int[] labels) {
        return reliability(logits, labels, DEFAULT_BIN_COUNT).expectedCalibrationError();
    }

    /**
     * Returns the expected calibration error over {@value #DEFAULT_BIN_COUNT} equal-width bins.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param labels the true classes, n of them, each in [0, classCount)
     * @return the ECE, in [0, 1]
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     */
    public static double expectedCalibrationError(float[] logits, int[] labels) {
        return expectedCalibrationError(toDoubles(logits), labels);
    }

    /**
     * Returns the reliability diagram over {@value #DEFAULT_BIN_COUNT} equal-width bins.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param labels the true classes, n of them, each in [0, classCount)
     * @return per bin the count, mean confidence and accuracy
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     */
    public static ReliabilityDiagram reliability(double[] logits, int[] labels) {
        return reliability(logits, labels, DEFAULT_BIN_COUNT);
    }

    /**
     * Returns the reliability diagram over {@value #DEFAULT_BIN_COUNT} equal-width bins.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param labels the true classes, n of them, each in [0, classCount)
     * @return per bin the count, mean confidence and accuracy
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     */
    public static ReliabilityDiagram reliability(float[] logits, int[] labels) {
        return reliability(toDoubles(logits), labels, DEFAULT_BIN_COUNT);
    }

    /**
     * Returns the reliability diagram over a given number of equal-width bins.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param labels the true classes, n of them, each in [0, classCount)
     * @param binCount the number of bins, {@code >= 1}
     * @return per bin the count, mean confidence and accuracy
     * @throws IllegalArgumentException if {@code binCount < 1}, the arrays do not fit together or a
     *     label is out of range
     */
    public static ReliabilityDiagram reliability(double[] logits, int[] labels, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("binCount must be >= 1, found " + binCount);
        }
        int classCount = classCount(logits, labels);
        int[] counts = new int[binCount];
        double[] confidenceSums = new double[binCount];
        int[] correct = new int[binCount];
        for (int i = 0; i < labels.length; i++) {
            int row = i * classCount;
            int predicted = argmax(logits, row, classCount);
            double confidence =
                    Math.exp(logits[row + predicted] - logSumExp(logits, row, classCount));
            int bin = binOf(confidence, binCount);
            counts[bin]++;
            confidenceSums[bin] += confidence;
            if (predicted == labels[i]) {
                correct[bin]++;
            }
        }

        List<ReliabilityBin> bins = new ArrayList<>(binCount);
        for (int b = 0; b < binCount; b++) {
            double lower = (double) b / binCount;
            double upper = (double) (b + 1) / binCount;
            if (counts[b] == 0) {
                bins.add(new ReliabilityBin(lower, upper, 0, Double.NaN, Double.NaN));
            } else {
                double meanConfidence = confidenceSums[b] / counts[b];
                double accuracy = (double) correct[b] / counts[b];
                bins.add(new ReliabilityBin(lower, upper, counts[b], meanConfidence, accuracy));
            }
        }
        return new ReliabilityDiagram(bins);
    }

    /**
     * Returns the softmax probabilities of every row.
     *
     * @param logits the logits, row-major (n, classCount)
     * @param classCount the number of classes, {@code >= 1}, dividing {@code logits.length}
     * @return the probabilities, row-major (n, classCount); each row sums to 1
     * @throws IllegalArgumentException if {@code classCount} does not divide the length
     */
    public static double[] softmax(double[] logits, int classCount) {
        Objects.requireNonNull(logits, "logits");
        if (classCount < 1 || logits.length % classCount != 0) {
            throw new IllegalArgumentException(
                    "classCount must be >= 1 and divide the "
                            + logits.length
                            + " logits, found "
                            + classCount);
        }
        double[] probabilities = new double[logits.length];
        for (int row = 0; row < logits.length; row += classCount) {
            double logNorm = logSumExp(logits, row, classCount);
            for (int k = 0; k < classCount; k++) {
                probabilities[row + k] = Math.exp(logits[row + k] - logNorm);
            }
        }
        return probabilities;
    }

    /**
     * Returns the index of the first largest value of a row.
     *
     * @param values the values
     * @param from the index of the row's first value
     * @param length the row's length, {@code >= 1}
     * @return the arg-max, in [0, length)
     */
    static int argmax(double[] values, int from, int length) {
        int best = 0;
        for (int k = 1; k < length; k++) {
            if (values[from + k] > values[from + best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Returns {@code log(sum(exp(row)))}, shifted by the row's maximum so that it never overflows.
     */
    static double logSumExp(double[] values, int from, int length) {
        double max = values[from + argmax(values, from, length)];
        if (Double.isInfinite(max)) {
            return max;
        }
        double sum = 0;
        for (int k = 0; k < length; k++) {
            sum += Math.exp(values[from + k] - max);
        }
        return max + Math.log(sum);
    }

    /** Returns the bin {@code b} with {@code b / B < confidence <= (b + 1) / B}, 0 for 0. */
    static int binOf(double confidence, int binCount) {
        int bin = (int) Math.ceil(confidence * binCount) - 1;
        if (bin > 0 && confidence <= (double) bin / binCount) {
            bin--;
        } else if (bin < binCount - 1 && confidence > (double) (bin + 1) / binCount) {
            bin++;
        }
        return Math.max(0, Math.min(binCount - 1, bin));
    }

    /**
     * Checks that logits and labels fit together and returns the number of classes.
     *
     * @throws IllegalArgumentException if they do not
     */
    static int classCount(double[] logits, int[] labels) {
        Objects.requireNonNull(logits, "logits");
        Objects.requireNonNull(labels, "labels");
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels must hold at least one sample, found none");
        }
        if (logits.length == 0 || logits.length % labels.length != 0) {
            throw new IllegalArgumentException(
                    "logits must hold n * classCount values for n = "
                            + labels.length
                            + " labels, found "
                            + logits.length
                            + " values");
        }
        int classCount = logits.length / labels.length;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException(
                        "labels must lie in [0, "
                                + classCount
                                + ") for "
                                + classCount
                                + " logits per sample, found "
                                + labels[i]
                                + " at position "
                                + i);
            }
        }
        return classCount;
    }

    /** Widens float logits to double. */
    static double[] toDoubles(float[] values) {
        Objects.requireNonNull(values, "logits");
        double[] widened = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        return widened;
    }
}
