package io.github.manifoldmixup.samples.data;

import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Two interleaved spirals in the plane, a small two-class problem whose decision boundary shows how
 * smooth a classifier is.
 *
 * <p>Each point draws a position {@code t} uniformly from [0, 1); its radius is {@code 0.1 + 0.9 t}
 * and its angle {@code 2 pi turns t}, plus {@code pi} for class 1, so the second spiral is the
 * first turned by half a circle. Gaussian noise of standard deviation {@code noise} is then added
 * to each coordinate. Without noise every point lies in the disc of radius 1.
 *
 * <p>The points alternate between the classes (class 0, class 1, class 0, ...), so even an
 * unshuffled batch is balanced. The features have sample shape (2): x, then y.
 */
public final class Spirals {

    /** The number of turns of each spiral that {@link #generate(int, double, long)} uses. */
    public static final double DEFAULT_TURNS = 1.5;

    private static final double INNER_RADIUS = 0.1;

    private Spirals() {}

    /**
     * Generates two spirals of {@value #DEFAULT_TURNS} turns each.
     *
     * @param pointsPerClass the number of points of each spiral, {@code >= 0}
     * @param noise the standard deviation of the noise added to each coordinate, {@code >= 0}; 0.05
     *     to 0.1 gives a problem that is hard but clean
     * @param seed the seed; the same seed gives the same points
     * @return {@code 2 * pointsPerClass} points with labels 0 and 1
     * @throws IllegalArgumentException if a count or the noise is negative
     */
    public static HostSplit generate(int pointsPerClass, double noise, long seed) {
        return generate(pointsPerClass, noise, DEFAULT_TURNS, seed);
    }

    /**
     * Generates two spirals.
     *
     * @param pointsPerClass the number of points of each spiral, {@code >= 0}
     * @param noise the standard deviation of the noise added to each coordinate, {@code >= 0}
     * @param turns the number of turns of each spiral, {@code > 0}
     * @param seed the seed; the same seed gives the same points
     * @return {@code 2 * pointsPerClass} points with labels 0 and 1
     * @throws IllegalArgumentException if a count or the noise is negative, or turns is not
     *     positive
     */
    public static HostSplit generate(int pointsPerClass, double noise, double turns, long seed) {
        if (pointsPerClass < 0) {
            throw new IllegalArgumentException(
                    "pointsPerClass must be >= 0, found " + pointsPerClass);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, found " + noise);
        }
        if (!(turns > 0) || Double.isInfinite(turns)) {
            throw new IllegalArgumentException("turns must be finite and > 0, found " + turns);
        }

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ContinuousSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 2 * pointsPerClass;
        float[] features = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double t = rng.nextDouble();
            double radius = INNER_RADIUS + (1 - INNER_RADIUS) * t;
            double angle = 2 * Math.PI * turns * t + Math.PI * label;
            features[2 * i] = (float) (radius * Math.cos(angle) + noise * gaussian.sample());
            features[2 * i + 1] = (float) (radius * Math.sin(angle) + noise * gaussian.sample());
            labels[i] = label;
        }
        return HostSplit.wrap(features, new Shape(2), labels, 2);
    }
}
