package io.github.manifoldmixup.samples.training;

/**
 * The settings of one training run.
 *
 * @param method how to train
 * @param alpha alpha of the fixed mixup methods, {@code >= 0}
 * @param alphaMax alpha at the end of training for the dynamic methods, {@code >= 0}
 * @param epochs the number of epochs, {@code >= 1}
 * @param batchSize the batch size, {@code >= 1}
 * @param learningRate the learning rate of Adam, {@code > 0}
 * @param seed the seed of the initial weights, the batch order and the draws
 */
public record RunSettings(
        Method method,
        double alpha,
        double alphaMax,
        int epochs,
        int batchSize,
        double learningRate,
        long seed) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the first bad setting and its value
     */
    public RunSettings {
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
        if (!(alpha >= 0) || !(alphaMax >= 0)) {
            throw new IllegalArgumentException(
                    "alpha and alpha-max must be >= 0, got " + alpha + " and " + alphaMax);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
    }

    /**
     * Returns these settings with another method.
     *
     * @param other the method
     * @return the new settings
     */
    public RunSettings withMethod(Method other) {
        return new RunSettings(other, alpha, alphaMax, epochs, batchSize, learningRate, seed);
    }
}
