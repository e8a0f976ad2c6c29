package io.github.manifoldmixup.runtime.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlphaScheduleTest {

    private static final double[] POINTS = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};
    private static final double EPS = 1e-12;

    @Test
    void linear_matchesClosedForm() {
        AlphaSchedule s = AlphaSchedule.linear(0.2, 1.0);
        for (double p : POINTS) {
            assertEquals(0.2 + p * 0.8, s.valueAt(p), EPS);
        }
    }

    @Test
    void cosine_matchesClosedForm() {
        AlphaSchedule s = AlphaSchedule.cosine(0, 0.6);
        for (double p : POINTS) {
            assertEquals((1 + Math.cos(Math.PI * (1 - p))) * 0.6 / 2, s.valueAt(p), EPS);
        }
        assertEquals(0, s.valueAt(0), EPS);
        assertEquals(0.3, s.valueAt(0.5), EPS);
        assertEquals(0.6, s.valueAt(1), EPS);
    }

    @Test
    void cosine_decreasingWhenEndBelowStart() {
        AlphaSchedule s = AlphaSchedule.cosine(2, 0.5);
        assertEquals(2, s.valueAt(0), EPS);
        assertEquals(0.5, s.valueAt(1), EPS);
        assertEquals(1.25, s.valueAt(0.5), EPS);
    }

    @Test
    void constant_isConstant() {
        AlphaSchedule s = AlphaSchedule.constant(0.4);
        for (double p : POINTS) {
            assertEquals(0.4, s.valueAt(p), 0);
        }
    }

    @Test
    void exponential_matchesClosedForm() {
        AlphaSchedule s = AlphaSchedule.exponential(0.1, 1.6);
        for (double p : POINTS) {
            assertEquals(0.1 * Math.pow(16, p), s.valueAt(p), EPS);
        }
        assertEquals(0.4, s.valueAt(0.5), EPS);
    }

    @Test
    void polynomial_matchesClosedForm() {
        AlphaSchedule s = AlphaSchedule.polynomial(0.0, 0.8, 2);
        for (double p : POINTS) {
            assertEquals(0.8 * p * p, s.valueAt(p), EPS);
        }
    }

    @Test
    void phases_runEachScheduleOverItsFraction() {
        AlphaSchedule s =
                AlphaSchedule.phases(
                        new double[] {0.25, 0.75},
                        AlphaSchedule.linear(0, 1),
                        AlphaSchedule.cosine(1, 0.2));

        assertEquals(0, s.valueAt(0), EPS);
        assertEquals(0.5, s.valueAt(0.125), EPS);
        assertEquals(1, s.valueAt(0.25), EPS);
        assertEquals(AlphaSchedule.cosine(1, 0.2).valueAt(0.5), s.valueAt(0.625), EPS);
        assertEquals(0.2, s.valueAt(1), EPS);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
    void valueAt_progressOutsideUnitIntervalIsRejected(double p) {
        for (AlphaSchedule s :
                new AlphaSchedule[] {
                    AlphaSchedule.linear(0, 1),
                    AlphaSchedule.cosine(0, 1),
                    AlphaSchedule.constant(1),
                    AlphaSchedule.exponential(0.1, 1),
                    AlphaSchedule.polynomial(0, 1, 2),
                    AlphaSchedule.phases(new double[] {1}, AlphaSchedule.linear(0, 1))
                }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> s.valueAt(p));
            assertTrue(e.getMessage().contains("progress"), e.getMessage());
        }
    }

    @Test
    void exponential_throughZeroIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> AlphaSchedule.exponential(0, 0.6));
        assertTrue(e.getMessage().contains("cannot start or end at 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlphaSchedule.exponential(0.6, 0));
    }

    @Test
    void phases_fractionsNotSummingToOneAreRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                AlphaSchedule.phases(
                                        new double[] {0.3, 0.3},
                                        AlphaSchedule.linear(0, 1),
                                        AlphaSchedule.constant(1)));
        assertTrue(e.getMessage().contains("sum to 1"), e.getMessage());
    }

    @Test
    void phases_badShapesAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> AlphaSchedule.phases(new double[] {1}, new AlphaSchedule[0]));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        AlphaSchedule.phases(
                                new double[] {0, 1},
                                AlphaSchedule.constant(0),
                                AlphaSchedule.constant(1)));
    }

    @Test
    void factories_rejectNegativeOrNonFiniteAlpha() {
        assertThrows(IllegalArgumentException.class, () -> AlphaSchedule.linear(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> AlphaSchedule.cosine(0, Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> AlphaSchedule.constant(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> AlphaSchedule.polynomial(0, 1, 0));
    }

    @Test
    void asTracker_readsProgressFromStepCount() {
        Tracker tracker = AlphaSchedule.linear(0, 1).asTracker(200);

        assertEquals(0f, tracker.getNewValue(0), 1e-7);
        assertEquals(0.25f, tracker.getNewValue(50), 1e-7);
        assertEquals(1f, tracker.getNewValue(200), 1e-7);
        assertEquals(1f, tracker.getNewValue(500), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> AlphaSchedule.linear(0, 1).asTracker(0));
    }

    @Test
    void fromTracker_readsTheTrackerAtTheStep() {
        Tracker tracker = step -> step / 10f;
        AlphaSchedule s = AlphaSchedule.fromTracker(tracker, 10);

        assertEquals(0.0, s.valueAt(0), 1e-7);
        assertEquals(0.5, s.valueAt(0.5), 1e-7);
        assertEquals(1.0, s.valueAt(1), 1e-7);
    }

    @Test
    void fromTracker_negativeTrackerValueIsRejected() {
        AlphaSchedule s = AlphaSchedule.fromTracker(step -> -1f, 10);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> s.valueAt(0.5));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    }
}
