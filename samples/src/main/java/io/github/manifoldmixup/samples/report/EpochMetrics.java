package io.github.manifoldmixup.samples.report;

/**
 * What one epoch of a training run measured; a row of the per-epoch CSV and a point of the training
 * curves.
 *
 * <p>A value that was not measured, such as the test loss of a run that is not evaluated, is {@code
 * Double.NaN}; the CSV leaves its cell empty and the plots leave a gap.
 *
 * @param epoch the epoch number, {@code >= 1} for the first epoch
 * @param trainLoss the mean training loss over the epoch (with mixup, the mixed loss)
 * @param trainAccuracy the training accuracy, in [0, 1]
 * @param testAccuracy the accuracy on the evaluation data (the test split in the samples) after the
 *     epoch, unmixed, in [0, 1]
 * @param testLoss the mean loss on the evaluation data after the epoch
 * @param seconds the wall-clock time the epoch took, in seconds, {@code >= 0}
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double testAccuracy,
        double testLoss,
        double seconds) {

    /**
     * Checks the epoch number.
     *
     * @param epoch the epoch number
     * @param trainLoss the mean training loss
     * @param trainAccuracy the training accuracy
     * @param testAccuracy the test accuracy
     * @param testLoss the test loss
     * @param seconds the time the epoch took
     * @throws IllegalArgumentException if the epoch is negative
     */
    public EpochMetrics {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, found " + epoch);
        }
    }
}
