package io.github.manifoldmixup.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class DrawSourceTest extends ArrayTest {

    @Test
    void begin_keepsOneDrawPerDeviceUntilBatchIsFinished() {
        DrawSource source = DrawSource.builder().setSiteCount(3).optSeed(1).build();
        NDArray batch = manager.zeros(new Shape(8, 2));

        Draw first = source.begin(batch);
        assertSame(first, source.begin(batch));
        assertSame(first, source.current(batch.getDevice()));

        source.finishBatch();
        assertSame(first, source.current(batch.getDevice()), "finished draw stays readable");
        Draw second = source.begin(batch);
        assertNotSame(first, second);

        source.clear();
        assertNull(source.current(batch.getDevice()));
    }

    @Test
    void begin_drawHoldsConsistentHostAndDeviceValues() {
        DrawSource source = DrawSource.builder().setSiteCount(2).optSeed(3).optAlpha(1).build();

        Draw draw = source.begin(manager.zeros(new Shape(16, 4)));

        assertEquals(16, draw.batchSize());
        assertEquals(1.0, draw.alpha());
        int[] perm = draw.permutationOnHost();
        long[] devicePerm = draw.permutation().toLongArray();
        for (int i = 0; i < perm.length; i++) {
            assertEquals(perm[i], devicePerm[i]);
        }
        double[] lambda = draw.lambdaOnHost();
        float[] deviceLambda = draw.lambda().toFloatArray();
        for (int i = 0; i < lambda.length; i++) {
            assertEquals(lambda[i], deviceLambda[i], 1e-7);
            assertTrue(lambda[i] >= 0.5 && lambda[i] <= 1, "folded by default");
        }
        int[] sorted = perm.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void begin_sameSeedGivesSameDraws() {
        List<String> first = drawSequence(17);
        List<String> second = drawSequence(17);
        List<String> other = drawSequence(18);

        assertEquals(first, second);
        assertTrue(!first.equals(other));
    }

    @Test
    void begin_sitesAreUniformOverCandidatesIncludingInput() {
        DrawSource source = DrawSource.builder().setSiteCount(4).optSeed(5).build();
        NDArray batch = manager.zeros(new Shape(2, 1));
        int rounds = 5000;
        long[] counts = new long[5];

        for (int r = 0; r < rounds; r++) {
            counts[source.begin(batch).site()]++;
            source.finishBatch();
        }

        double expected = rounds / 5.0;
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        double p = ChiSquaredDistribution.of(4).survivalProbability(chiSquare);
        assertTrue(p > 1e-4, "chi-square p-value " + p + " for counts " + Arrays.toString(counts));
    }

    @Test
    void build_candidatesFollowInputMixupAndExplicitSites() {
        assertArrayEquals(
                new int[] {0, 1, 2, 3},
                DrawSource.builder().setSiteCount(3).build().getCandidateSites());
        assertArrayEquals(
                new int[] {1, 2, 3},
                DrawSource.builder()
                        .setSiteCount(3)
                        .optInputMixup(false)
                        .build()
                        .getCandidateSites());
        assertArrayEquals(
                new int[] {2},
                DrawSource.builder()
                        .setSiteCount(3)
                        .optInputMixup(false)
                        .optSites(2, 2)
                        .build()
                        .getCandidateSites());
        assertArrayEquals(
                new int[] {0}, DrawSource.builder().setSiteCount(0).build().getCandidateSites());
    }

    @Test
    void build_badSettingsAreRejected() {
        IllegalArgumentException range =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DrawSource.builder().setSiteCount(3).optSites(4).build());
        assertTrue(range.getMessage().contains("site 4"), range.getMessage());

        IllegalArgumentException empty =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DrawSource.builder().setSiteCount(0).optInputMixup(false).build());
        assertTrue(empty.getMessage().contains("no site"), empty.getMessage());

        assertThrows(IllegalArgumentException.class, () -> DrawSource.builder().build());
        assertThrows(
                IllegalArgumentException.class,
                () -> DrawSource.builder().setSiteCount(1).optAlpha(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> DrawSource.builder().setSiteCount(1).build().setAlpha(Double.NaN));
    }

    @Test
    void setAlpha_appliesToNextDrawAndZeroMeansNoMixing() {
        DrawSource source = DrawSource.builder().setSiteCount(1).optSeed(2).build();
        NDArray batch = manager.zeros(new Shape(6, 1));

        source.setAlpha(0);
        Draw draw = source.begin(batch);

        assertEquals(0, draw.alpha());
        assertTrue(Arrays.stream(draw.lambdaOnHost()).allMatch(l -> l == 1));
    }

    @Test
    void begin_parallelSplitsGetTheirOwnDrawsAndLossesFindThemByPredictions() throws Exception {
        DrawSource source = DrawSource.builder().setSiteCount(2).optSeed(9).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object[]>> splits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                splits.add(
                        () -> {
                            NDArray input = manager.zeros(new Shape(4, 1));
                            Draw draw = source.begin(input);
                            assertSame(draw, source.begin(input), "one draw per pass");
                            NDList predictions = new NDList(input.add(1));
                            draw.recordOutput(predictions);
                            return new Object[] {draw, predictions};
                        });
            }
            Set<Draw> draws = new HashSet<>();
            for (Future<Object[]> split : pool.invokeAll(splits)) {
                Draw draw = (Draw) split.get()[0];
                NDList predictions = (NDList) split.get()[1];
                draws.add(draw);
                assertSame(draw, source.forPredictions(predictions));
            }
            assertEquals(4, draws.size());
            assertNull(source.forPredictions(new NDList(manager.zeros(new Shape(4, 1)))));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void finishBatch_releasesDrawsOfTheBatchBefore() {
        DrawSource source = DrawSource.builder().setSiteCount(1).optSeed(9).build();
        NDArray input = manager.zeros(new Shape(4, 1));
        NDList predictions = new NDList(input.add(1));
        source.begin(input).recordOutput(predictions);

        source.finishBatch();
        assertTrue(source.forPredictions(predictions) != null, "readable after its batch");
        source.finishBatch();
        assertNull(source.forPredictions(predictions));
        assertNull(source.current(input.getDevice()));
    }

    @Test
    void blendList_blendsOnlyFloatingArraysOfTheBatch() {
        DrawSource source =
                DrawSource.builder()
                        .setSiteCount(1)
                        .optSeed(4)
                        .optAlpha(1)
                        .optFolded(false)
                        .build();
        NDArray states = manager.arange(12f).reshape(4, 3);
        NDArray ids = manager.arange(4);
        NDArray other = manager.ones(new Shape(5));
        Draw draw = source.begin(states);

        NDList out = draw.blend(new NDList(states, ids, other));

        assertArrayEquals(draw.blend(states).toFloatArray(), out.get(0).toFloatArray(), 0f);
        assertSame(ids, out.get(1));
        assertSame(other, out.get(2));
    }

    private List<String> drawSequence(long seed) {
        DrawSource source = DrawSource.builder().setSiteCount(5).optSeed(seed).build();
        NDArray batch = manager.zeros(new Shape(8, 1));
        List<String> draws = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Draw draw = source.begin(batch);
            draws.add(
                    draw.site()
                            + Arrays.toString(draw.permutationOnHost())
                            + Arrays.toString(draw.lambdaOnHost()));
            source.finishBatch();
        }
        return draws;
    }
}
