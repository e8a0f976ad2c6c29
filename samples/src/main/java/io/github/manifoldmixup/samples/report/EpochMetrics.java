package io.github.manifoldmixup.samples.report;

/**
 * What one epoch of a training run measured; a row of the per-epoch CSV and a point of the training
 * curves.
 *
 * <p>A value that was not measured, such as the validation loss of a run without validation, is
 * {@code Double.NaN}; the CSV leaves its cell empty and the plots leave a gap.
 *
 * @param epoch the epoch number, {@code >= 1} for the first epoch
 * @param trainLoss the mean training loss over the epoch (with mixup, the mixed loss)
 * @param trainAccuracy the training accuracy, in [0, 1]
 * @param validationAccuracy the accuracy on the validation data after the epoch, in [0, 1]
 * @param validationLoss the mean loss on the validation data after the epoch
 * @param seconds the wall-clock time the epoch took, in seconds, {@code >= 0}
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationAccuracy,
        double validationLoss,
        double seconds) {

    /**
     * Checks the epoch number.
     *
     * @param epoch the epoch number
     * @param trainLoss the mean training loss
     * @param trainAccuracy the training accuracy
     * @param validationAccuracy the validation accuracy
     * @param validationLoss the validation loss
     * @param seconds the time the epoch took
     * @throws IllegalArgumentException if the epoch is negative
     */
    public EpochMetrics {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, found " + epoch);
        }
    }
}
