package io.github.manifoldmixup.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpiralsTest {

    @Test
    void generate_alternatesClassesWithTwoFeatures() {
        HostSplit spirals = Spirals.generate(100, 0.05, 1);

        assertEquals(200, spirals.size());
        assertEquals(new Shape(2), spirals.sampleShape());
        assertEquals(2, spirals.classCount());
        assertArrayEquals(new int[] {100, 100}, spirals.classCounts());
        assertEquals(0, spirals.label(0));
        assertEquals(1, spirals.label(1));
    }

    @Test
    void generate_isReproducibleFromSeed() {
        assertArrayEquals(
                Spirals.generate(50, 0.1, 42).features(), Spirals.generate(50, 0.1, 42).features());
        assertFalse(
                Arrays.equals(
                        Spirals.generate(50, 0.1, 42).features(),
                        Spirals.generate(50, 0.1, 43).features()));
    }

    @Test
    void noNoise_putsClassOneAtHalfTurnFromClassZero() {
        HostSplit spirals = Spirals.generate(500, 0, 7);

        for (int i = 0; i < spirals.size(); i++) {
            double x = spirals.feature(i, 0);
            double y = spirals.feature(i, 1);
            double radius = Math.hypot(x, y);
            assertTrue(radius >= 0.1 - 1e-6 && radius <= 1 + 1e-6, "radius " + radius);
            // On the spiral, angle = 2 pi turns t + pi label with radius = 0.1 + 0.9 t.
            double t = (radius - 0.1) / 0.9;
            double expected = 2 * Math.PI * Spirals.DEFAULT_TURNS * t + Math.PI * spirals.label(i);
            double difference = Math.IEEEremainder(Math.atan2(y, x) - expected, 2 * Math.PI);
            assertEquals(0, difference, 1e-4, "point " + i);
        }
    }

    @Test
    void negativeNoise_isRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Spirals.generate(5, -1, 1));

        assertEquals("noise must be finite and >= 0, found -1.0", e.getMessage());
    }
}
