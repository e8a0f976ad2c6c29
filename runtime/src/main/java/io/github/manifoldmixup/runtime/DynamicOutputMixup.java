package io.github.manifoldmixup.runtime;

import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.runtime.schedule.AlphaSchedule;
import io.github.manifoldmixup.runtime.schedule.ScheduleShape;

/**
 * {@link OutputMixup} whose alpha follows a schedule over training, from alpha_min (default 0) to
 * alpha_max (default 0.6) along a cosine by default. Starting at alpha 0 is fine: the first batches
 * then train unmixed.
 *
 * <pre>{@code
 * DynamicOutputMixup mixup = DynamicOutputMixup.builder().optEpochs(10).build();
 * }</pre>
 *
 * <p>A schedule by progress needs the length of training: the number of epochs (the listener reads
 * the batches per epoch from the trainer's batches) or of steps. A DJL {@link Tracker} counts steps
 * itself and needs neither.
 */
public final class DynamicOutputMixup extends AbstractOutputMixup {

    private DynamicOutputMixup(Builder builder) {
        super(builder, builder.alpha.build("DynamicOutputMixup"));
    }

    /**
     * Returns a builder: alpha from 0 to 0.6 along a cosine.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DynamicOutputMixup}. */
    public static final class Builder extends BaseBuilder<Builder> {
        private final DynamicAlpha alpha = new DynamicAlpha();

        Builder() {}

        /**
         * Sets alpha at the start of training. Default 0.
         *
         * @param alphaMin finite and {@code >= 0}
         * @return this builder
         */
        public Builder optAlphaMin(double alphaMin) {
            alpha.setAlphaMin(alphaMin);
            return this;
        }

        /**
         * Sets alpha at the end of training. Default 0.6.
         *
         * @param alphaMax finite and {@code >= 0}
         * @return this builder
         */
        public Builder optAlphaMax(double alphaMax) {
            alpha.setAlphaMax(alphaMax);
            return this;
        }

        /**
         * Sets the curve from alpha_min to alpha_max, such as {@code AlphaSchedule::linear}.
         * Default {@code AlphaSchedule::cosine}.
         *
         * @param shape the curve
         * @return this builder
         */
        public Builder optScheduleShape(ScheduleShape shape) {
            alpha.setShape(shape);
            return this;
        }

        /**
         * Sets the whole schedule of alpha over training progress; alpha_min and alpha_max are then
         * unused.
         *
         * @param schedule alpha over progress in [0, 1]
         * @return this builder
         */
        public Builder optSchedule(AlphaSchedule schedule) {
            alpha.setSchedule(schedule);
            return this;
        }

        /**
         * Sets alpha per training step from a DJL tracker; alpha_min, alpha_max and the length of
         * training are then unused.
         *
         * @param tracker alpha by step count, each value finite and {@code >= 0}
         * @return this builder
         */
        public Builder optTracker(Tracker tracker) {
            alpha.setTracker(tracker);
            return this;
        }

        /**
         * Sets the number of training epochs. The steps per epoch are counted in the first epoch,
         * and estimated before its end from the size of the trainer's data set and batches.
         *
         * @param epochs the number of epochs, {@code >= 1}
         * @return this builder
         */
        public Builder optEpochs(int epochs) {
            alpha.setEpochs(epochs);
            return this;
        }

        /**
         * Sets the number of training steps (batches) of the whole run.
         *
         * @param totalSteps the number of steps, {@code >= 1}
         * @return this builder
         */
        public Builder optTotalSteps(long totalSteps) {
            alpha.setTotalSteps(totalSteps);
            return this;
        }

        /**
         * Builds the listener.
         *
         * @return the listener
         * @throws IllegalArgumentException if a schedule by progress has no length of training
         */
        public DynamicOutputMixup build() {
            return new DynamicOutputMixup(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
