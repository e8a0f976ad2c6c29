package io.github.manifoldmixup.samples.training;

import io.github.manifoldmixup.samples.report.EpochMetrics;
import java.util.List;
import java.util.Map;

/**
 * What a training run produced.
 *
 * @param settings the settings of the run
 * @param epochs the metrics of each epoch
 * @param logits the logits of the trained model on each evaluated split, row-major, by split name
 * @param medianStepMillis the median wall time of one training step (forward, loss, backward and
 *     update), in milliseconds, leaving out the first steps
 * @param sites the mixup sites of the run as a printed table, or empty for plain training
 */
public record RunResult(
        RunSettings settings,
        List<EpochMetrics> epochs,
        Map<String, float[]> logits,
        double medianStepMillis,
        String sites) {

    /**
     * Returns the logits of a split.
     *
     * @param split the name given to the run, such as {@code test}
     * @return the logits, row-major (samples x classes)
     * @throws IllegalArgumentException if the split was not evaluated
     */
    public float[] logitsOf(String split) {
        float[] values = logits.get(split);
        if (values == null) {
            throw new IllegalArgumentException(
                    "no logits for split '" + split + "'; evaluated: " + logits.keySet());
        }
        return values;
    }
}
