package io.github.manifoldmixup.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SiteHooksTest extends ArrayTest {

    private static final SiteTable TWO_SITES =
            SiteTable.of(new Site(1, "a", "X", false), new Site(2, "b", "X", false));

    private NDArray batch;

    @BeforeEach
    void setUp() {
        batch = manager.arange(24f).reshape(6, 4);
    }

    @Test
    void enter_withoutSourceOrInEvaluationChangesNothing() {
        SiteHooks hooks = new SiteHooks(TWO_SITES);
        NDList inputs = new NDList(batch);

        assertSame(inputs, hooks.enter(inputs, true));

        DrawSource source = onlySite(0);
        hooks.setDrawSource(source);
        assertSame(inputs, hooks.enter(inputs, false));
        assertNull(source.current(batch.getDevice()), "no draw in an evaluation pass");
    }

    @Test
    void enter_mixesInputWhenDrawSelectsSiteZero() {
        SiteHooks hooks = new SiteHooks(TWO_SITES);
        DrawSource source = onlySite(0);
        hooks.setDrawSource(source);

        NDList mixed = hooks.enter(new NDList(batch), true);

        Draw draw = source.current(batch.getDevice());
        assertArrayEquals(expected(draw), mixed.head().toFloatArray(), 1e-6f);
        assertTrue(draw.isApplied());
    }

    @Test
    void afterSite_mixesOnlyTheSelectedSiteOnce() {
        SiteHooks hooks = new SiteHooks(TWO_SITES);
        DrawSource source = onlySite(2);
        hooks.setDrawSource(source);
        hooks.enter(new NDList(batch), true);
        Draw draw = source.current(batch.getDevice());

        NDList first = new NDList(batch);
        assertSame(first, hooks.afterSite(1, first, true));
        assertArrayEquals(
                expected(draw),
                hooks.afterSite(2, new NDList(batch), true).head().toFloatArray(),
                1e-6f);

        NDList again = new NDList(batch);
        assertSame(again, hooks.afterSite(2, again, true), "a site reached twice mixes once");
    }

    @Test
    void afterSite_finishedDrawIsNotReused() {
        SiteHooks hooks = new SiteHooks(TWO_SITES);
        DrawSource source = onlySite(1);
        hooks.setDrawSource(source);
        hooks.enter(new NDList(batch), true);
        source.finishBatch();

        NDList output = new NDList(batch);
        assertSame(output, hooks.afterSite(1, output, true));
    }

    @Test
    void exit_recordsPredictionsOfTheTrainingPass() {
        SiteHooks hooks = new SiteHooks(TWO_SITES);
        DrawSource source = onlySite(1);
        hooks.setDrawSource(source);
        hooks.enter(new NDList(batch), true);
        NDList predictions = new NDList(batch.mul(2));

        hooks.exit(predictions, true);

        Draw draw = source.current(batch.getDevice());
        assertTrue(draw.producedPredictions(predictions));
        assertFalse(draw.producedPredictions(new NDList(batch.mul(2))));
    }

    @Test
    void nestUnder_numbersSitesWithinTheOuterTable() {
        SiteHooks outer =
                new SiteHooks(
                        SiteTable.of(
                                new Site(1, "stem", "X", false),
                                new Site(2, "inner.a", "X", false),
                                new Site(3, "inner.b", "X", false)));
        SiteHooks inner = new SiteHooks(TWO_SITES);
        inner.nestUnder(outer, 1);
        DrawSource source = onlySite(3);
        outer.setDrawSource(source);

        NDList innerInput = new NDList(batch);
        assertSame(innerInput, inner.enter(innerInput, true), "nested hooks make no draw");
        assertNull(source.current(batch.getDevice()));

        outer.enter(new NDList(batch), true);
        Draw draw = source.current(batch.getDevice());
        NDList siteA = new NDList(batch);
        assertSame(siteA, inner.afterSite(1, siteA, true));
        assertArrayEquals(
                expected(draw),
                inner.afterSite(2, new NDList(batch), true).head().toFloatArray(),
                1e-6f);
        assertSame(source, inner.getDrawSource());
        assertThrows(IllegalStateException.class, () -> inner.setDrawSource(source));
        assertThrows(IllegalArgumentException.class, () -> outer.nestUnder(inner, 0));
    }

    @Test
    void site_rejectsIndexOutsideTheTable() {
        SiteHooks hooks = new SiteHooks(TWO_SITES);
        Linear linear = Linear.builder().setUnits(2).build();

        assertThrows(IllegalArgumentException.class, () -> hooks.site(0, linear));
        assertThrows(IllegalArgumentException.class, () -> hooks.site(3, linear));
    }

    @Test
    void siteBlock_isTransparentForParametersAndSaving() throws Exception {
        Linear linear = Linear.builder().setUnits(3).build();
        linear.initialize(manager, DataType.FLOAT32, new Shape(6, 4));
        SiteBlock site = new SiteHooks(TWO_SITES).site(1, linear);

        assertSame(linear, site.getDelegate());
        assertEquals(linear.getParameters().keys(), site.getParameters().keys());
        assertSame(
                linear.getParameters().get(0).getValue(), site.getParameters().get(0).getValue());
        assertEquals(linear.getChildren().size(), site.getChildren().size());
        assertArrayEquals(
                linear.getOutputShapes(new Shape[] {new Shape(6, 4)}),
                site.getOutputShapes(new Shape[] {new Shape(6, 4)}));

        ByteArrayOutputStream viaSite = new ByteArrayOutputStream();
        site.saveParameters(new DataOutputStream(viaSite));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        linear.saveParameters(new DataOutputStream(plain));
        assertArrayEquals(plain.toByteArray(), viaSite.toByteArray());

        Linear fresh = Linear.builder().setUnits(3).build();
        fresh.initialize(manager, DataType.FLOAT32, new Shape(6, 4));
        fresh.loadParameters(
                manager, new DataInputStream(new ByteArrayInputStream(viaSite.toByteArray())));
        ParameterStore store = new ParameterStore(manager, false);
        assertArrayEquals(
                linear.forward(store, new NDList(batch), false).head().toFloatArray(),
                site.forward(store, new NDList(batch), false).head().toFloatArray(),
                1e-6f);
    }

    @Test
    void siteBlock_mixesDelegateOutputInTrainingPass() {
        Linear linear = Linear.builder().setUnits(3).build();
        linear.initialize(manager, DataType.FLOAT32, new Shape(6, 4));
        SiteHooks hooks = new SiteHooks(TWO_SITES);
        DrawSource source = onlySite(1);
        hooks.setDrawSource(source);
        SiteBlock site = hooks.site(1, linear);
        ParameterStore store = new ParameterStore(manager, false);
        hooks.enter(new NDList(batch), true);

        NDArray out = site.forward(store, new NDList(batch), true).head();

        Draw draw = source.current(batch.getDevice());
        NDArray plain = linear.forward(store, new NDList(batch), true).head();
        assertArrayEquals(draw.blend(plain).toFloatArray(), out.toFloatArray(), 1e-6f);
    }

    private static DrawSource onlySite(int site) {
        return DrawSource.builder()
                .setSiteCount(Math.max(2, site))
                .optInputMixup(site == 0)
                .optSites(site == 0 ? new int[0] : new int[] {site})
                .optSeed(site)
                .optAlpha(1)
                .optFolded(false)
                .build();
    }

    private float[] expected(Draw draw) {
        float[] x = batch.toFloatArray();
        int[] perm = draw.permutationOnHost();
        double[] lambda = draw.lambdaOnHost();
        int features = 4;
        float[] out = new float[x.length];
        for (int i = 0; i < perm.length; i++) {
            for (int f = 0; f < features; f++) {
                double own = x[i * features + f];
                double partner = x[perm[i] * features + f];
                out[i * features + f] = (float) (partner + lambda[i] * (own - partner));
            }
        }
        return out;
    }
}
