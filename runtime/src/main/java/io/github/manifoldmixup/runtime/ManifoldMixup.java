package io.github.manifoldmixup.runtime;

/**
 * Manifold mixup (Verma et al., ICML 2019): for each training batch, one site of the model is
 * chosen, each sample is paired with another, and the hidden states at that site and the targets
 * are blended with a weight drawn from Beta(alpha, alpha).
 *
 * <pre>{@code
 * ManifoldMixup mixup = ManifoldMixup.builder().optAlpha(0.4).build();
 * TrainingConfig config =
 *         new DefaultTrainingConfig(mixup.wrap(Loss.softmaxCrossEntropyLoss()))
 *                 .addEvaluator(mixup.accuracy())
 *                 .addTrainingListeners(mixup);
 * }</pre>
 *
 * <p>See {@link AbstractManifoldMixup} for which sites are mixed.
 */
public final class ManifoldMixup extends AbstractManifoldMixup {

    private ManifoldMixup(Builder builder, AlphaPlan alphaPlan) {
        super(builder, alphaPlan);
    }

    /**
     * Returns a builder: alpha 0.4, input mixup on, every site of the model's table.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ManifoldMixup}. */
    public static final class Builder extends SiteOptions<Builder> {
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
        public ManifoldMixup build() {
            return new ManifoldMixup(this, AlphaPlan.fixed(alpha));
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
