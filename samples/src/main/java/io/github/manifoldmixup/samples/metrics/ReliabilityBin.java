package io.github.manifoldmixup.samples.metrics;

/**
 * One confidence bin of a {@link ReliabilityDiagram}: the samples whose confidence lies in {@code
 * (lower, upper]}.
 *
 * @param lower the lower edge of the bin, in [0, 1), excluded (except 0 for the first bin)
 * @param upper the upper edge of the bin, in (0, 1], included
 * @param count the number of samples in the bin, {@code >= 0}
 * @param meanConfidence the mean confidence of those samples, in [0, 1]; NaN for an empty bin
 * @param accuracy the share of those samples predicted correctly, in [0, 1]; NaN for an empty bin
 */
public record ReliabilityBin(
        double lower, double upper, int count, double meanConfidence, double accuracy) {

    /**
     * Checks the values.
     *
     * @param lower the lower edge of the bin
     * @param upper the upper edge of the bin
     * @param count the number of samples in the bin
     * @param meanConfidence the mean confidence of those samples
     * @param accuracy the share of those samples predicted correctly
     * @throws IllegalArgumentException if the edges are not ordered in [0, 1] or the count is
     *     negative
     */
    public ReliabilityBin {
        if (!(lower >= 0 && lower < upper && upper <= 1)) {
            throw new IllegalArgumentException(
                    "bin edges must satisfy 0 <= lower < upper <= 1, found ("
                            + lower
                            + ", "
                            + upper
                            + "]");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, found " + count);
        }
    }

    /**
     * Says whether the bin holds no sample.
     *
     * @return whether {@code count} is 0
     */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * Returns how far the bin's accuracy lies from its confidence: negative when over-confident.
     *
     * @return {@code accuracy - meanConfidence}, in [-1, 1]; NaN for an empty bin
     */
    public double gap() {
        return accuracy - meanConfidence;
    }
}
