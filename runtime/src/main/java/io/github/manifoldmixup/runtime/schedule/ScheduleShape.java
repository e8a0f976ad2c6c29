package io.github.manifoldmixup.runtime.schedule;

/**
 * A family of schedules from a start to an end value, such as {@code AlphaSchedule::cosine} or
 * {@code (start, end) -> AlphaSchedule.polynomial(start, end, 2)}; the dynamic mixup listeners
 * apply it between their alpha_min and alpha_max.
 */
@FunctionalInterface
public interface ScheduleShape {

    /**
     * Returns the schedule of this shape between two values.
     *
     * @param start alpha at progress 0, finite and {@code >= 0}
     * @param end alpha at progress 1, finite and {@code >= 0}
     * @return the schedule
     */
    AlphaSchedule between(double start, double end);
}
