package io.github.manifoldmixup.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BlendTest extends ArrayTest {

    private static final Shape[] SHAPES = {
        new Shape(5), new Shape(5, 3), new Shape(4, 6, 3), new Shape(4, 2, 3, 3)
    };

    private final Random random = new Random(11);

    @ParameterizedTest
    @EnumSource(Blend.Method.class)
    void blend_matchesDefinitionForEveryRank(Blend.Method method) {
        for (Shape shape : SHAPES) {
            int n = (int) shape.get(0);
            float[] x = randomValues((int) shape.size());
            int[] perm = BetaSampler.create(n).permutation(n);
            float[] lambda = randomWeights(n);

            NDArray out =
                    Blend.blend(array(x, shape), perm(perm), array(lambda, new Shape(n)), method);

            assertEquals(shape, out.getShape());
            assertArrayEquals(
                    expectedBlend(x, perm, lambda), out.toFloatArray(), 1e-5f, shape.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Blend.Method.class)
    void blend_gradientFlowsToInputThroughBothTerms(Blend.Method method) {
        Shape shape = new Shape(6, 2, 3);
        int n = 6;
        int features = 6;
        float[] xValues = randomValues((int) shape.size());
        float[] upstream = randomValues((int) shape.size());
        int[] perm = {2, 0, 1, 5, 3, 4};
        float[] lambda = randomWeights(n);
        NDArray x = array(xValues, shape);
        x.setRequiresGradient(true);

        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = Blend.blend(x, perm(perm), array(lambda, new Shape(n)), method);
            collector.backward(out.mul(array(upstream, shape)).sum());
        }

        float[] expected = new float[xValues.length];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                expected[i * features + f] += lambda[i] * upstream[i * features + f];
                expected[perm[i] * features + f] += (1 - lambda[i]) * upstream[i * features + f];
            }
        }
        assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-5f);
    }

    // bfloat16 is not covered: DJL 0.36's PyTorch engine aborts the process when it creates a
    // bfloat16 array (by cast, buffer or zeros), so no such array can be made here.
    @Test
    void blend_halfPrecisionKeepsDtypeAndValues() {
        for (DataType dtype : new DataType[] {DataType.FLOAT16}) {
            Shape shape = new Shape(4, 3);
            float[] x = randomValues(12);
            int[] perm = {3, 2, 1, 0};
            float[] lambda = {0.5f, 0.75f, 1f, 0.625f};

            NDArray out =
                    Blend.blend(
                            array(x, shape).toType(dtype, false),
                            perm(perm),
                            array(lambda, new Shape(4)));

            assertEquals(dtype, out.getDataType());
            float[] expected = expectedBlend(x, perm, lambda);
            float[] actual = out.toType(DataType.FLOAT32, false).toFloatArray();
            assertArrayEquals(expected, actual, 0.05f, dtype.toString());
        }
    }

    @Test
    void blend_float64StaysFloat64() {
        NDArray x = manager.create(new double[] {1, 2, 3, 4}, new Shape(2, 2));

        NDArray out =
                Blend.blend(
                        x, perm(new int[] {1, 0}), array(new float[] {0.75f, 0.5f}, new Shape(2)));

        assertEquals(DataType.FLOAT64, out.getDataType());
        assertArrayEquals(new double[] {1.5, 2.5, 2, 3}, out.toDoubleArray(), 1e-12);
    }

    @Test
    void blend_keepsDevice() {
        NDArray x = array(randomValues(6), new Shape(3, 2));

        NDArray out =
                Blend.blend(x, perm(new int[] {1, 2, 0}), array(randomWeights(3), new Shape(3)));

        assertEquals(x.getDevice(), out.getDevice());
    }

    @Test
    void blend_batchOfOneReturnsInput() {
        NDArray x = array(randomValues(4), new Shape(1, 4));

        assertSame(x, Blend.blend(x, perm(new int[] {0}), array(new float[] {0.6f}, new Shape(1))));
    }

    @Test
    void blend_lambdaOneIsIdentityAndHalfIsMidpoint() {
        float[] x = {0, 10, 20, 30};
        NDArray array = array(x, new Shape(4));
        NDArray perm = perm(new int[] {1, 0, 3, 2});

        assertArrayEquals(x, Blend.blend(array, perm, manager.ones(new Shape(4))).toFloatArray());
        assertArrayEquals(
                new float[] {5, 5, 25, 25},
                Blend.blend(array, perm, manager.full(new Shape(4), 0.5f)).toFloatArray());
    }

    @Test
    void blend_badInputIsRejected() {
        NDArray x = array(randomValues(6), new Shape(3, 2));
        NDArray lambda = array(randomWeights(3), new Shape(3));

        IllegalArgumentException shape =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Blend.blend(x, perm(new int[] {1, 0}), lambda));
        assertTrue(shape.getMessage().contains("(3)"), shape.getMessage());

        IllegalArgumentException dtype =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Blend.blend(manager.arange(3), perm(new int[] {1, 2, 0}), lambda));
        assertTrue(dtype.getMessage().contains("floating-point"), dtype.getMessage());

        assertThrows(
                IllegalArgumentException.class,
                () -> Blend.blend(manager.create(1f), perm(new int[] {0}), lambda));
    }

    private NDArray array(float[] values, Shape shape) {
        return manager.create(values, shape);
    }

    private NDArray perm(int[] perm) {
        long[] values = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            values[i] = perm[i];
        }
        return manager.create(values);
    }

    private float[] randomValues(int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private float[] randomWeights(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = 0.5f + random.nextFloat() / 2;
        }
        return values;
    }

    private static float[] expectedBlend(float[] x, int[] perm, float[] lambda) {
        int n = perm.length;
        int features = x.length / n;
        float[] out = new float[x.length];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                float own = x[i * features + f];
                float partner = x[perm[i] * features + f];
                out[i * features + f] = partner + lambda[i] * (own - partner);
            }
        }
        return out;
    }
}
