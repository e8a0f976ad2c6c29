package io.github.manifoldmixup.samples.metrics;

import java.util.List;

/**
 * Accuracy against confidence, per equal-width confidence bin, as {@link
 * ClassificationMetrics#reliability(double[], int[])} computes it; the data of a reliability
 * diagram and of the expected calibration error.
 *
 * @param bins the bins in order of confidence, covering (0, 1] without overlap
 */
public record ReliabilityDiagram(List<ReliabilityBin> bins) {

    /**
     * Copies the bins.
     *
     * @param bins the bins in order of confidence
     * @throws IllegalArgumentException if there is no bin
     */
    public ReliabilityDiagram {
        bins = List.copyOf(bins);
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("bins must hold at least one bin, found none");
        }
    }

    /**
     * Returns the number of samples over all bins.
     *
     * @return the sample count
     */
    public int sampleCount() {
        return bins.stream().mapToInt(ReliabilityBin::count).sum();
    }

    /**
     * Returns the expected calibration error: the gaps of the bins weighted by their share of the
     * samples.
     *
     * @return {@code sum over bins of count / n * |accuracy - meanConfidence|}, in [0, 1]; 0 when
     *     there is no sample
     */
    public double expectedCalibrationError() {
        int n = sampleCount();
        double ece = 0;
        for (ReliabilityBin bin : bins) {
            if (!bin.isEmpty()) {
                ece += (double) bin.count() / n * Math.abs(bin.gap());
            }
        }
        return ece;
    }

    /**
     * Returns the largest gap of a non-empty bin.
     *
     * @return the maximum calibration error, in [0, 1]; 0 when there is no sample
     */
    public double maximumCalibrationError() {
        double max = 0;
        for (ReliabilityBin bin : bins) {
            if (!bin.isEmpty()) {
                max = Math.max(max, Math.abs(bin.gap()));
            }
        }
        return max;
    }
}
