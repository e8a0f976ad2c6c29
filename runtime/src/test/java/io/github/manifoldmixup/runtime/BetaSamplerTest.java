package io.github.manifoldmixup.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BetaSamplerTest {

    private static final int SAMPLES = 20_000;
    private static final KolmogorovSmirnovTest KS = KolmogorovSmirnovTest.withDefaults();

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.4, 1, 2, 6})
    void sample_unfoldedFollowsBetaLaw(double alpha) {
        double[] weights = BetaSampler.create(42, false).sample(alpha, SAMPLES);
        BetaDistribution beta = BetaDistribution.of(alpha, alpha);

        double p = KS.test(weights, beta::cumulativeProbability).getPValue();

        assertTrue(p > 1e-3, "KS p-value " + p + " for alpha " + alpha);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.4, 1, 2, 6})
    void sample_ksTestRejectsNeighbouringShape(double alpha) {
        double[] weights = BetaSampler.create(42, false).sample(alpha, SAMPLES);
        BetaDistribution wrong = BetaDistribution.of(alpha * 1.25, alpha * 1.25);

        double p = KS.test(weights, wrong::cumulativeProbability).getPValue();

        assertTrue(p < 1e-6, "KS should reject alpha " + alpha * 1.25 + ", p-value " + p);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.4, 1, 2, 6})
    void sample_foldedFollowsFoldedLaw(double alpha) {
        double[] weights = BetaSampler.create(7).sample(alpha, SAMPLES);
        BetaDistribution beta = BetaDistribution.of(alpha, alpha);

        double p =
                KS.test(weights, t -> t < 0.5 ? 0 : 2 * beta.cumulativeProbability(t) - 1)
                        .getPValue();

        assertTrue(p > 1e-3, "KS p-value " + p + " for folded alpha " + alpha);
        assertTrue(Arrays.stream(weights).allMatch(w -> w >= 0.5 && w <= 1));
    }

    @Test
    void create_foldsByDefault() {
        assertTrue(BetaSampler.create(1).isFolded());
        assertFalse(BetaSampler.create(1, false).isFolded());
    }

    @Test
    void sample_sameSeedGivesSameWeights() {
        double[] first = BetaSampler.create(123).sample(0.4, 100);
        double[] second = BetaSampler.create(123).sample(0.4, 100);
        double[] other = BetaSampler.create(124).sample(0.4, 100);

        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    void sample_alphaZeroMeansNoMixing() {
        double[] weights = BetaSampler.create(5, false).sample(0, 64);

        assertTrue(Arrays.stream(weights).allMatch(w -> w == 1.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void sample_badAlphaIsRejectedWithItsValue(double alpha) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> BetaSampler.create(1).sample(alpha, 4));

        assertTrue(e.getMessage().contains(String.valueOf(alpha)), e.getMessage());
    }

    @Test
    void permutation_isAPermutationAndReproducible() {
        int[] perm = BetaSampler.create(9).permutation(50);
        int[] sorted = perm.clone();
        Arrays.sort(sorted);

        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(perm, BetaSampler.create(9).permutation(50));
    }

    @Test
    void permutation_positionsAreUniform() {
        BetaSampler sampler = BetaSampler.create(3);
        int n = 4;
        int rounds = 8000;
        int[][] counts = new int[n][n];
        for (int r = 0; r < rounds; r++) {
            int[] perm = sampler.permutation(n);
            for (int i = 0; i < n; i++) {
                counts[i][perm[i]]++;
            }
        }

        double expected = rounds / (double) n;
        for (int[] row : counts) {
            for (int count : row) {
                assertEquals(expected, count, 0.1 * expected);
            }
        }
    }
}
