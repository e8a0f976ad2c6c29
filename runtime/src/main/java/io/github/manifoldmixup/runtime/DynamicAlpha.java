package io.github.manifoldmixup.runtime;

import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.runtime.schedule.AlphaSchedule;
import io.github.manifoldmixup.runtime.schedule.ScheduleShape;
import java.util.Objects;

/**
 * The settings of a dynamic mixup listener: alpha from alpha_min to alpha_max over training,
 * following a schedule, and how long training is. Both dynamic builders keep one.
 */
final class DynamicAlpha {

    private double alphaMin;
    private double alphaMax = 0.6;
    private ScheduleShape shape = AlphaSchedule::cosine;
    private AlphaSchedule schedule;
    private Tracker tracker;
    private int epochs;
    private long totalSteps;

    void setAlphaMin(double alphaMin) {
        this.alphaMin = checkAlpha("alphaMin", alphaMin);
    }

    void setAlphaMax(double alphaMax) {
        this.alphaMax = checkAlpha("alphaMax", alphaMax);
    }

    void setShape(ScheduleShape shape) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.schedule = null;
        this.tracker = null;
    }

    void setSchedule(AlphaSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.tracker = null;
    }

    void setTracker(Tracker tracker) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.schedule = null;
    }

    void setEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        this.epochs = epochs;
    }

    void setTotalSteps(long totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be >= 1, got " + totalSteps);
        }
        this.totalSteps = totalSteps;
    }

    /**
     * Returns the plan these settings describe.
     *
     * @param listener the listener's name, for error messages
     * @return the plan
     * @throws IllegalArgumentException if a schedule by progress has no length of training, or both
     *     lengths are set
     */
    AlphaPlan build(String listener) {
        if (tracker != null) {
            Tracker stepTracker = tracker;
            return new AlphaPlan() {
                @Override
                public double alphaAt(long step, long stepsPerEpoch) {
                    int numUpdate = (int) Math.min(Integer.MAX_VALUE, step);
                    return checkAlpha(
                            "the tracker's alpha at step " + step,
                            stepTracker.getNewValue(numUpdate));
                }

                @Override
                public String toString() {
                    return "alpha from tracker " + stepTracker;
                }
            };
        }
        if (epochs > 0 && totalSteps > 0) {
            throw new IllegalArgumentException(
                    listener + ": set either optEpochs or optTotalSteps, not both");
        }
        if (epochs == 0 && totalSteps == 0) {
            throw new IllegalArgumentException(
                    listener
                            + " needs the length of training for its schedule: optEpochs(n) (the"
                            + " steps per epoch are read from the trainer's batches) or"
                            + " optTotalSteps(n); or give a DJL Tracker, which counts steps");
        }
        AlphaSchedule curve = schedule != null ? schedule : shape.between(alphaMin, alphaMax);
        int epochCount = epochs;
        long steps = totalSteps;
        return new AlphaPlan() {
            @Override
            public double alphaAt(long step, long stepsPerEpoch) {
                long total = steps > 0 ? steps : epochCount * stepsPerEpoch;
                double progress = total > 0 ? Math.min(1, step / (double) total) : 0;
                return curve.valueAt(progress);
            }

            @Override
            public String toString() {
                String length = steps > 0 ? steps + " steps" : epochCount + " epochs";
                return "alpha " + curve + " over " + length;
            }
        };
    }

    private static double checkAlpha(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }
}
