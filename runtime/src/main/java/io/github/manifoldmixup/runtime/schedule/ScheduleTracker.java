package io.github.manifoldmixup.runtime.schedule;

import ai.djl.training.tracker.Tracker;

/** An {@link AlphaSchedule} read by step count, as a DJL {@link Tracker}. */
final class ScheduleTracker implements Tracker {

    private final AlphaSchedule schedule;
    private final int totalSteps;

    ScheduleTracker(AlphaSchedule schedule, int totalSteps) {
        this.schedule = schedule;
        this.totalSteps = Schedules.checkSteps(totalSteps);
    }

    @Override
    public float getNewValue(int numUpdate) {
        double progress = Math.min(1, Math.max(0, numUpdate / (double) totalSteps));
        return (float) schedule.valueAt(progress);
    }

    @Override
    public String toString() {
        return schedule + " over " + totalSteps + " steps";
    }
}
