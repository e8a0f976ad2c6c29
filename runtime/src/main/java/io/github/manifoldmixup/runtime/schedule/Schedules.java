package io.github.manifoldmixup.runtime.schedule;

import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** The implementations behind the factories of {@link AlphaSchedule}. */
final class Schedules {

    /** How far the fractions of {@link Phases} may sum from 1. */
    static final double FRACTION_TOLERANCE = 1e-9;

    private Schedules() {}

    static double checkProgress(double progress) {
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be in [0, 1], got " + progress);
        }
        return progress;
    }

    static double checkAlpha(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite alpha >= 0, got " + value);
        }
        return value;
    }

    static int checkSteps(int totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be >= 1, got " + totalSteps);
        }
        return totalSteps;
    }

    private static String format(String name, double... values) {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s", values[i]));
        }
        return text.append(')').toString();
    }

    /** {@code start + p * (end - start)}. */
    static final class Linear implements AlphaSchedule {
        private final double start;
        private final double end;

        Linear(double start, double end) {
            this.start = checkAlpha("start", start);
            this.end = checkAlpha("end", end);
        }

        @Override
        public double valueAt(double progress) {
            return start + checkProgress(progress) * (end - start);
        }

        @Override
        public String toString() {
            return format("linear", start, end);
        }
    }

    /** {@code start + (1 + cos(pi * (1 - p))) * (end - start) / 2}. */
    static final class Cosine implements AlphaSchedule {
        private final double start;
        private final double end;

        Cosine(double start, double end) {
            this.start = checkAlpha("start", start);
            this.end = checkAlpha("end", end);
        }

        @Override
        public double valueAt(double progress) {
            double p = checkProgress(progress);
            return start + (1 + Math.cos(Math.PI * (1 - p))) * (end - start) / 2;
        }

        @Override
        public String toString() {
            return format("cosine", start, end);
        }
    }

    /** The same value throughout. */
    static final class Constant implements AlphaSchedule {
        private final double value;

        Constant(double value) {
            this.value = checkAlpha("value", value);
        }

        @Override
        public double valueAt(double progress) {
            checkProgress(progress);
            return value;
        }

        @Override
        public String toString() {
            return format("constant", value);
        }
    }

    /** {@code start * (end / start)^p}. */
    static final class Exponential implements AlphaSchedule {
        private final double start;
        private final double end;

        Exponential(double start, double end) {
            this.start = checkAlpha("start", start);
            this.end = checkAlpha("end", end);
            if (start == 0 || end == 0) {
                throw new IllegalArgumentException(
                        "an exponential schedule cannot start or end at 0 (got start "
                                + start
                                + ", end "
                                + end
                                + "); use a small positive value, or a cosine or polynomial"
                                + " schedule to start from 0");
            }
        }

        @Override
        public double valueAt(double progress) {
            return start * Math.pow(end / start, checkProgress(progress));
        }

        @Override
        public String toString() {
            return format("exponential", start, end);
        }
    }

    /** {@code start + (end - start) * p^power}. */
    static final class Polynomial implements AlphaSchedule {
        private final double start;
        private final double end;
        private final double power;

        Polynomial(double start, double end, double power) {
            this.start = checkAlpha("start", start);
            this.end = checkAlpha("end", end);
            if (!(power > 0) || Double.isInfinite(power)) {
                throw new IllegalArgumentException("power must be finite and > 0, got " + power);
            }
            this.power = power;
        }

        @Override
        public double valueAt(double progress) {
            return start + (end - start) * Math.pow(checkProgress(progress), power);
        }

        @Override
        public String toString() {
            return format("polynomial", start, end, power);
        }
    }

    /** Schedules one after another over fractions of training. */
    static final class Phases implements AlphaSchedule {
        private final double[] bounds;
        private final AlphaSchedule[] schedules;

        Phases(double[] fractions, AlphaSchedule[] schedules) {
            Objects.requireNonNull(fractions, "fractions");
            Objects.requireNonNull(schedules, "schedules");
            if (fractions.length == 0 || fractions.length != schedules.length) {
                throw new IllegalArgumentException(
                        "phases need one fraction per schedule and at least one phase, got "
                                + fractions.length
                                + " fractions and "
                                + schedules.length
                                + " schedules");
            }
            bounds = new double[fractions.length + 1];
            for (int i = 0; i < fractions.length; i++) {
                if (!(fractions[i] > 0) || Double.isInfinite(fractions[i])) {
                    throw new IllegalArgumentException(
                            "phase fractions must be > 0, got " + fractions[i] + " at index " + i);
                }
                Objects.requireNonNull(schedules[i], "schedule of phase " + i);
                bounds[i + 1] = bounds[i] + fractions[i];
            }
            double sum = bounds[fractions.length];
            if (Math.abs(sum - 1) > FRACTION_TOLERANCE) {
                throw new IllegalArgumentException(
                        "phase fractions must sum to 1, got "
                                + Arrays.toString(fractions)
                                + " summing to "
                                + sum);
            }
            bounds[fractions.length] = 1;
            this.schedules = schedules.clone();
        }

        @Override
        public double valueAt(double progress) {
            double p = checkProgress(progress);
            int phase = schedules.length - 1;
            while (phase > 0 && p < bounds[phase]) {
                phase--;
            }
            double within = (p - bounds[phase]) / (bounds[phase + 1] - bounds[phase]);
            return schedules[phase].valueAt(Math.min(1, Math.max(0, within)));
        }

        @Override
        public String toString() {
            double[] fractions = new double[schedules.length];
            for (int i = 0; i < fractions.length; i++) {
                fractions[i] = bounds[i + 1] - bounds[i];
            }
            return "phases(" + Arrays.toString(fractions) + ", " + Arrays.toString(schedules) + ")";
        }
    }

    /** Alpha read from a DJL tracker at step {@code round(p * totalSteps)}. */
    static final class FromTracker implements AlphaSchedule {
        private final Tracker tracker;
        private final int totalSteps;

        FromTracker(Tracker tracker, int totalSteps) {
            this.tracker = Objects.requireNonNull(tracker, "tracker");
            this.totalSteps = checkSteps(totalSteps);
        }

        @Override
        public double valueAt(double progress) {
            int step = (int) Math.round(checkProgress(progress) * totalSteps);
            return checkAlpha("the tracker's value at step " + step, tracker.getNewValue(step));
        }

        @Override
        public String toString() {
            return "tracker(" + tracker + ", " + totalSteps + " steps)";
        }
    }
}
