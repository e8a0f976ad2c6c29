package io.github.manifoldmixup.runtime;

import static io.github.manifoldmixup.runtime.TrainingSupport.floats;
import static io.github.manifoldmixup.runtime.TrainingSupport.trainer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.github.manifoldmixup.dsl.NoMixup;
import io.github.manifoldmixup.dsl.Residual;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteDiscoveryTest extends ArrayTest {

    private static SequentialBlock resnet() {
        return ResNetV1.builder()
                .setImageShape(new Shape(3, 32, 32))
                .setNumLayers(18)
                .setOutSize(10)
                .build();
    }

    @Test
    void discover_resNetSitesAreItsResidualUnits() {
        SequentialBlock resnet = resnet();

        SiteDiscovery discovery = SiteDiscovery.discover(resnet);

        assertEquals(SiteDiscovery.Rule.RESIDUAL_UNITS, discovery.getRule());
        List<String> parallel = new ArrayList<>();
        for (Pair<String, Block> child : resnet.getChildren()) {
            if (child.getValue() instanceof ParallelBlock) {
                parallel.add(child.getKey());
            }
        }
        assertEquals(8, parallel.size());
        assertEquals(parallel, discovery.getSiteTable().paths());
        assertTrue(discovery.getSiteTable().sites().stream().allMatch(Site::residual));
        assertTrue(discovery.toString().contains("ParallelBlock (residual unit)"));
    }

    @Test
    void fit_resNetTrainsAndTheChosenUnitIsTheOneMixed() throws Exception {
        SequentialBlock resnet = resnet();
        List<Block> originals = new ArrayList<>(resnet.getChildren().values());
        ManifoldMixup mixup = ManifoldMixup.builder().optSeed(3).optAlpha(1).build();
        Model model = TestModels.model(resnet);
        float[][] predictions = new float[1][];
        TrainingListener recorder =
                new TrainingListenerAdapter() {
                    @Override
                    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                        predictions[0] =
                                floats(batchData.getPredictions().get(Device.cpu()).head());
                    }
                };
        Trainer trainer =
                trainer(
                        model,
                        mixup.wrap(Loss.softmaxCrossEntropyLoss()),
                        new Shape(4, 3, 32, 32),
                        List.of(),
                        mixup,
                        recorder);
        assertTrue(mixup.getSiteTable().size() == 8, mixup.getSiteTable().toString());
        ParameterStore store = new ParameterStore(manager, false);
        List<Integer> sites = new ArrayList<>();

        for (int step = 0; step < 4; step++) {
            NDArray x = manager.randomNormal(new Shape(4, 3, 32, 32));
            NDList labels = new NDList(manager.create(new float[] {1, 2, 3, 4}));
            Batch batch =
                    new Batch(
                            manager.newSubManager(),
                            new NDList(x),
                            labels,
                            4,
                            ai.djl.translate.Batchifier.STACK,
                            ai.djl.translate.Batchifier.STACK,
                            step,
                            4);
            EasyTrain.trainBatch(trainer, batch);
            Draw draw = mixup.getDrawSource().current(Device.cpu());
            sites.add(draw.site());

            NDArray expected = byHand(originals, store, x, draw);
            assertArrayEquals(floats(expected), predictions[0], 1e-4f, "site " + draw.site());
            trainer.step();
            batch.close();
        }
        trainer.close();

        assertTrue(sites.stream().distinct().count() > 1, "different sites drawn: " + sites);
        assertEquals(originals, new ArrayList<>(resnet.getChildren().values()));
        assertSame(resnet, model.getBlock());
    }

    /** Runs the children of the ResNet one by one, blending after the site the draw chose. */
    private static NDArray byHand(
            List<Block> children, ParameterStore store, NDArray x, Draw draw) {
        NDList state = new NDList(draw.site() == 0 ? draw.blend(x) : x);
        int site = 0;
        for (int i = 0; i < children.size(); i++) {
            state = children.get(i).forward(store, state, true);
            if (children.get(i) instanceof ParallelBlock) {
                site++;
                if (site == draw.site()) {
                    state = new NDList(draw.blend(state.head()));
                }
            }
        }
        return state.head();
    }

    @Test
    void discover_mlpNeverChoosesDropoutOrBatchNorm() {
        SequentialBlock mlp =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(16).build())
                        .add(BatchNorm.builder().build())
                        .add(Activation.reluBlock())
                        .add(Dropout.builder().optRate(0.5f).build())
                        .add(Linear.builder().setUnits(16).build())
                        .add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(3).build());

        SiteDiscovery discovery = SiteDiscovery.discover(mlp);

        assertEquals(SiteDiscovery.Rule.DEFAULT, discovery.getRule());
        assertEquals(
                List.of("01Linear", "03LambdaBlock", "05Linear", "06LambdaBlock", "07Linear"),
                discovery.getSiteTable().paths());
        assertEquals("normalisation layer", discovery.getRejected().get("02BatchNorm"));
        assertEquals("dropout", discovery.getRejected().get("04Dropout"));
    }

    @Test
    void discover_explicitPathsAndUnknownPathNamesTheClosest() {
        SequentialBlock mlp = twoLayerMlp();

        SiteDiscovery discovery =
                SiteDiscovery.discover(mlp, List.of("03Linear", "01Linear"), Set.of());

        assertEquals(SiteDiscovery.Rule.EXPLICIT, discovery.getRule());
        assertEquals(List.of("01Linear", "03Linear"), discovery.getSiteTable().paths());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SiteDiscovery.discover(mlp, List.of("03Lineer"), Set.of()));
        assertTrue(e.getMessage().contains("03Lineer"), e.getMessage());
        assertTrue(e.getMessage().contains("closest block paths: [03Linear"), e.getMessage());
    }

    @Test
    void discover_nestedContainersGiveDottedPaths() {
        SequentialBlock inner =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(4).build())
                        .add(Dropout.builder().build());
        SequentialBlock outer = new SequentialBlock().add(inner).add(Activation.reluBlock());

        SiteDiscovery discovery = SiteDiscovery.discover(outer);

        assertEquals(
                List.of("01SequentialBlock.01Linear", "02LambdaBlock"),
                discovery.getSiteTable().paths());
        assertEquals("pass-through container", discovery.getRejected().get("01SequentialBlock"));
    }

    @Test
    void discover_annotatedClassesWinAndNoMixupIsSkipped() {
        SequentialBlock model =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(4).build())
                        .add(new UnitBlock())
                        .add(new HeadBlock());

        SiteDiscovery discovery = SiteDiscovery.discover(model);

        assertEquals(SiteDiscovery.Rule.ANNOTATED, discovery.getRule());
        assertEquals(List.of("02UnitBlock"), discovery.getSiteTable().paths());

        SequentialBlock withoutUnit =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(4).build())
                        .add(new HeadBlock());
        SiteDiscovery fallback = SiteDiscovery.discover(withoutUnit);
        assertEquals(List.of("01Linear"), fallback.getSiteTable().paths());
        assertEquals("@NoMixup", fallback.getRejected().get("02HeadBlock"));
    }

    @Test
    void discover_treeWithoutSiteListsTheRejectedBlocks() {
        SequentialBlock model =
                new SequentialBlock()
                        .add(Dropout.builder().build())
                        .add(BatchNorm.builder().build());

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SiteDiscovery.discover(model));

        assertTrue(e.getMessage().contains("01Dropout: dropout"), e.getMessage());
        assertTrue(e.getMessage().contains("02BatchNorm: normalisation layer"), e.getMessage());
    }

    @Test
    void fit_restoresChildrenAndSavedParametersLoadIntoAFreshCopy() throws Exception {
        SequentialBlock mlp = twoLayerMlp();
        List<Block> originals = new ArrayList<>(mlp.getChildren().values());
        ManifoldMixup mixup = ManifoldMixup.builder().optSeed(2).build();
        Model model = TestModels.model(mlp);
        Trainer trainer =
                trainer(
                        model,
                        mixup.wrap(Loss.softmaxCrossEntropyLoss()),
                        new Shape(32, TestModels.FEATURES),
                        List.of(),
                        mixup);
        assertTrue(mlp.getChildren().get(0).getValue() instanceof SiteBlock, "instrumented");

        EasyTrain.fit(trainer, 2, TestModels.blobs(manager, 128, 32, 1), null);
        trainer.close();

        assertEquals(originals, new ArrayList<>(mlp.getChildren().values()));
        assertSame(mlp, model.getBlock());
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        mlp.saveParameters(new DataOutputStream(saved));
        SequentialBlock fresh = twoLayerMlp();
        fresh.initialize(manager, DataType.FLOAT32, new Shape(32, TestModels.FEATURES));
        fresh.loadParameters(
                manager, new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
        NDArray x = manager.randomNormal(new Shape(5, TestModels.FEATURES));
        ParameterStore store = new ParameterStore(manager, false);
        assertArrayEquals(
                floats(mlp.forward(store, new NDList(x), false).head()),
                floats(fresh.forward(store, new NDList(x), false).head()),
                1e-6f);
    }

    @Test
    void attach_twiceIsHarmlessAndReleaseRestores() {
        SequentialBlock mlp = twoLayerMlp();
        List<Block> originals = new ArrayList<>(mlp.getChildren().values());
        Model model = TestModels.model(mlp);

        Instrumentation.attach(model, List.of(), Set.of());
        Instrumentation second = Instrumentation.attach(model, List.of(), Set.of());
        assertEquals(3, second.root().getSiteTable().size());
        second.release();

        assertEquals(originals, new ArrayList<>(mlp.getChildren().values()));
        assertSame(mlp, model.getBlock());
    }

    @Test
    void manifoldMixup_explicitSitesOfAPlainTreeAndUnknownPathBeforeAnyChange() {
        SequentialBlock mlp = twoLayerMlp();
        mlp.initialize(manager, DataType.FLOAT32, new Shape(32, TestModels.FEATURES));
        List<float[]> before = TrainingSupport.snapshot(TestModels.model(mlp));
        ManifoldMixup wrong = ManifoldMixup.builder().optSites("02LambdaBlok").build();
        Model model = TestModels.model(mlp);

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                trainer(
                                        model,
                                        wrong.wrap(Loss.softmaxCrossEntropyLoss()),
                                        new Shape(32, TestModels.FEATURES),
                                        List.of(),
                                        wrong));
        assertTrue(e.getMessage().contains("02LambdaBlock"), e.getMessage());
        assertSame(mlp, model.getBlock());
        List<float[]> after = TrainingSupport.snapshot(model);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }

        ManifoldMixup right = ManifoldMixup.builder().optSites("02LambdaBlock").build();
        Trainer trainer =
                trainer(
                        model,
                        right.wrap(Loss.softmaxCrossEntropyLoss()),
                        new Shape(32, TestModels.FEATURES),
                        List.of(),
                        right);
        assertEquals(List.of("02LambdaBlock"), right.getSiteTable().paths());
        trainer.close();
    }

    private static SequentialBlock twoLayerMlp() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(16).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(TestModels.CLASSES).build());
    }

    /** A residual unit marked by its class. */
    @Residual
    static final class UnitBlock extends SequentialBlock {
        UnitBlock() {
            add(Linear.builder().setUnits(4).build());
        }
    }

    /** A head that is never a site. */
    @NoMixup
    static final class HeadBlock extends SequentialBlock {
        HeadBlock() {
            add(Linear.builder().setUnits(2).build());
        }
    }
}
