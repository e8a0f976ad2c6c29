package io.github.manifoldmixup.runtime.schedule;

import ai.djl.training.tracker.Tracker;

/**
 * The value of alpha over training progress, from 0 (the first step) to 1 (the last step).
 *
 * <p>The five curves are those of fastai's annealers, from a start to an end value:
 *
 * <ul>
 *   <li>{@link #linear}: {@code start + p * (end - start)};
 *   <li>{@link #cosine}: {@code start + (1 + cos(pi * (1 - p))) * (end - start) / 2};
 *   <li>{@link #constant}: {@code value};
 *   <li>{@link #exponential}: {@code start * (end / start)^p}, for start and end both {@code > 0};
 *   <li>{@link #polynomial}: {@code start + (end - start) * p^power}.
 * </ul>
 *
 * <p>{@link #phases} strings several schedules over fractions of training, and {@link #fromTracker}
 * and {@link #asTracker} convert from and to DJL's {@link Tracker}, which counts steps instead of
 * progress. Values of alpha must be finite and {@code >= 0}.
 */
@FunctionalInterface
public interface AlphaSchedule {

    /**
     * Returns alpha at a point of training.
     *
     * @param progress the fraction of training done, in [0, 1]
     * @return alpha, finite and {@code >= 0}
     * @throws IllegalArgumentException if progress is outside [0, 1] or NaN
     */
    double valueAt(double progress);

    /**
     * Returns this schedule as a DJL {@link Tracker} over a number of steps: step {@code s} has
     * progress {@code s / totalSteps}, and steps past the end keep the final value.
     *
     * @param totalSteps the number of training steps, {@code >= 1}
     * @return a tracker whose {@code getNewValue(s)} is alpha at step {@code s}
     * @throws IllegalArgumentException if totalSteps is less than 1
     */
    default Tracker asTracker(int totalSteps) {
        return new ScheduleTracker(this, totalSteps);
    }

    /**
     * Linear from start to end.
     *
     * @param start alpha at progress 0, finite and {@code >= 0}
     * @param end alpha at progress 1, finite and {@code >= 0}
     * @return the schedule
     */
    static AlphaSchedule linear(double start, double end) {
        return new Schedules.Linear(start, end);
    }

    /**
     * Half a cosine from start to end: flat at both ends, steepest in the middle.
     *
     * @param start alpha at progress 0, finite and {@code >= 0}
     * @param end alpha at progress 1, finite and {@code >= 0}
     * @return the schedule
     */
    static AlphaSchedule cosine(double start, double end) {
        return new Schedules.Cosine(start, end);
    }

    /**
     * The same value throughout.
     *
     * @param value alpha, finite and {@code >= 0}
     * @return the schedule
     */
    static AlphaSchedule constant(double value) {
        return new Schedules.Constant(value);
    }

    /**
     * Geometric from start to end: {@code start * (end / start)^p}.
     *
     * @param start alpha at progress 0, finite and {@code > 0}
     * @param end alpha at progress 1, finite and {@code > 0}
     * @return the schedule
     * @throws IllegalArgumentException if start or end is 0: an exponential cannot pass through 0
     */
    static AlphaSchedule exponential(double start, double end) {
        return new Schedules.Exponential(start, end);
    }

    /**
     * Polynomial from start to end: {@code start + (end - start) * p^power}.
     *
     * @param start alpha at progress 0, finite and {@code >= 0}
     * @param end alpha at progress 1, finite and {@code >= 0}
     * @param power the exponent, finite and {@code > 0}
     * @return the schedule
     */
    static AlphaSchedule polynomial(double start, double end, double power) {
        return new Schedules.Polynomial(start, end, power);
    }

    /**
     * Strings several schedules one after another. Phase {@code i} covers the fraction {@code
     * fractions[i]} of training and runs schedule {@code i} over its whole progress range, as
     * fastai's {@code combine_scheds} does.
     *
     * @param fractions the length of each phase, each {@code > 0}, summing to 1
     * @param schedules one schedule per phase
     * @return the combined schedule
     * @throws IllegalArgumentException if the counts differ, a fraction is not {@code > 0}, or the
     *     fractions do not sum to 1
     */
    static AlphaSchedule phases(double[] fractions, AlphaSchedule... schedules) {
        return new Schedules.Phases(fractions, schedules);
    }

    /**
     * Reads alpha from a DJL {@link Tracker} over a number of steps: progress {@code p} is step
     * {@code round(p * totalSteps)}.
     *
     * @param tracker a tracker whose values are alpha, finite and {@code >= 0}
     * @param totalSteps the number of training steps, {@code >= 1}
     * @return the schedule
     */
    static AlphaSchedule fromTracker(Tracker tracker, int totalSteps) {
        return new Schedules.FromTracker(tracker, totalSteps);
    }
}
