package io.github.manifoldmixup.runtime;

/**
 * Output mixup: mixes the final output of the model (the logits) and the targets with a weight
 * drawn from Beta(alpha, alpha), for any model.
 *
 * <pre>{@code
 * OutputMixup mixup = OutputMixup.builder().optAlpha(0.4).build();
 * TrainingConfig config =
 *         new DefaultTrainingConfig(mixup.wrap(Loss.softmaxCrossEntropyLoss()))
 *                 .addTrainingListeners(mixup);
 * }</pre>
 *
 * <p>See {@link AbstractOutputMixup} for what it accepts.
 */
public final class OutputMixup extends AbstractOutputMixup {

    private OutputMixup(Builder builder, AlphaPlan alphaPlan) {
        super(builder, alphaPlan);
    }

    /**
     * Returns a builder: alpha 0.4.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OutputMixup}. */
    public static final class Builder extends BaseBuilder<Builder> {
        private double alpha = 0.4;

        Builder() {}

        /**
         * Sets alpha, the parameter of the Beta law of the interpolation weights. Default 0.4.
         *
         * @param alpha finite and {@code >= 0}; 0 turns mixing off
         * @return this builder
         * @throws IllegalArgumentException if alpha is negative, NaN or infinite
         */
        public Builder optAlpha(double alpha) {
            this.alpha = BetaSampler.checkAlpha(alpha);
            return this;
        }

        /**
         * Builds the listener.
         *
         * @return the listener
         */
        public OutputMixup build() {
            return new OutputMixup(this, AlphaPlan.fixed(alpha));
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
