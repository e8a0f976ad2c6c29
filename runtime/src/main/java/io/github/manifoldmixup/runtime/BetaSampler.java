package io.github.manifoldmixup.runtime;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws interpolation weights from Beta(alpha, alpha), and the pairing permutations of a batch,
 * reproducibly from a seed.
 *
 * <p>By default a weight lambda is folded to {@code max(lambda, 1 - lambda)}, as the reference
 * implementation does, so that every mixed sample stays closer to its own target than to its
 * partner's. Alpha 0 means no mixing: every weight is exactly 1, which lets a schedule start at 0.
 *
 * <p>The generator is Apache Commons RNG's XoRoShiRo128++ and the Beta law is Cheng's algorithm
 * from Commons RNG sampling. An instance is not safe for use by several threads at once; {@link
 * DrawSource} keeps one per device.
 */
public final class BetaSampler {

    private final UniformRandomProvider rng;
    private final boolean folded;

    private BetaSampler(UniformRandomProvider rng, boolean folded) {
        this.rng = rng;
        this.folded = folded;
    }

    /**
     * Returns a sampler that folds weights to {@code max(lambda, 1 - lambda)}.
     *
     * @param seed the seed; the same seed gives the same sequence of weights
     * @return a new sampler
     */
    public static BetaSampler create(long seed) {
        return create(seed, true);
    }

    /**
     * Returns a sampler.
     *
     * @param seed the seed; the same seed gives the same sequence of weights
     * @param folded whether each weight is folded to {@code max(lambda, 1 - lambda)}
     * @return a new sampler
     */
    public static BetaSampler create(long seed, boolean folded) {
        return new BetaSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed), folded);
    }

    /**
     * Returns a sampler whose stream is derived from several seed values, such as a user seed and a
     * device number, so that each device of a run gets its own reproducible stream.
     *
     * @param folded whether each weight is folded to {@code max(lambda, 1 - lambda)}
     * @param seeds the seed values
     * @return a new sampler
     */
    static BetaSampler create(boolean folded, long... seeds) {
        return new BetaSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seeds.clone()), folded);
    }

    /**
     * Returns whether weights are folded to {@code max(lambda, 1 - lambda)}.
     *
     * @return whether weights are folded
     */
    public boolean isFolded() {
        return folded;
    }

    /**
     * Draws {@code n} interpolation weights from Beta(alpha, alpha).
     *
     * @param alpha the parameter of the Beta law, finite and {@code >= 0}; 0 gives weights of 1
     * @param n the number of weights, {@code >= 0}
     * @return the weights, each in [0, 1], or in [0.5, 1] when folded
     * @throws IllegalArgumentException if alpha is negative, NaN or infinite, or n is negative
     */
    public double[] sample(double alpha, int n) {
        checkAlpha(alpha);
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        double[] weights = new double[n];
        if (alpha == 0) {
            Arrays.fill(weights, 1.0);
            return weights;
        }
        ContinuousSampler beta = ChengBetaSampler.of(rng, alpha, alpha);
        for (int i = 0; i < n; i++) {
            double lambda = beta.sample();
            weights[i] = folded ? Math.max(lambda, 1 - lambda) : lambda;
        }
        return weights;
    }

    /**
     * Draws a uniformly random permutation of {@code 0 .. n-1}.
     *
     * @param n the batch size, {@code >= 0}
     * @return the permutation
     */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        int[] perm = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng, perm);
        return perm;
    }

    /**
     * Draws an index uniformly from {@code 0 .. bound-1}.
     *
     * @param bound the number of choices, {@code >= 1}
     * @return the index
     */
    public int index(int bound) {
        return rng.nextInt(bound);
    }

    /**
     * Checks that alpha is a valid parameter of the Beta law used for mixing.
     *
     * @param alpha the value to check
     * @return alpha
     * @throws IllegalArgumentException if alpha is negative, NaN or infinite
     */
    public static double checkAlpha(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException(
                    "alpha must be finite and >= 0 (0 turns mixing off), got " + alpha);
        }
        return alpha;
    }
}
