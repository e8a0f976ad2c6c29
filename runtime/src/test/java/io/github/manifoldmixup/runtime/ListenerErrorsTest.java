package io.github.manifoldmixup.runtime;

import static io.github.manifoldmixup.runtime.TrainingSupport.snapshot;
import static io.github.manifoldmixup.runtime.TrainingSupport.trainer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.translate.Batchifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ListenerErrorsTest extends ArrayTest {

    private static final Shape INPUT = new Shape(8, TestModels.FEATURES);

    private static void assertRejected(String expected, Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void builders_negativeOrNonFiniteAlphaIsRejectedWithItsValue() {
        assertRejected("-0.5", () -> ManifoldMixup.builder().optAlpha(-0.5));
        assertRejected("NaN", () -> OutputMixup.builder().optAlpha(Double.NaN));
        assertRejected("alphaMin", () -> DynamicManifoldMixup.builder().optAlphaMin(-1));
        assertRejected("alphaMax", () -> DynamicOutputMixup.builder().optAlphaMax(-1));
        assertRejected(
                "Infinity", () -> ManifoldMixup.builder().optAlpha(Double.POSITIVE_INFINITY));
    }

    @Test
    void dynamicBuilders_needTheLengthOfTrainingForASchedule() {
        assertRejected("optEpochs", () -> DynamicManifoldMixup.builder().build());
        assertRejected("optEpochs", () -> DynamicOutputMixup.builder().build());
        assertRejected(
                "not both",
                () -> DynamicManifoldMixup.builder().optEpochs(2).optTotalSteps(10).build());
        DynamicManifoldMixup.builder().optTracker(step -> 0.2f).build();
    }

    @Test
    void outputMixup_refusesRegressionLossAtWrap() {
        assertRejected("L2Loss", () -> OutputMixup.builder().build().wrap(Loss.l2Loss()));
        assertRejected(
                "classification",
                () -> DynamicOutputMixup.builder().optEpochs(1).build().wrap(Loss.l1Loss()));
        ManifoldMixup mixup = ManifoldMixup.builder().build();
        assertRejected("already wrapped", () -> mixup.wrap(mixup.wrap(Loss.l2Loss())));
    }

    @Test
    void trainerWithoutTheListenersLoss_isRejectedBeforeAnyChange() {
        ManifoldMixup mixup = ManifoldMixup.builder().build();
        TestModels.DeclarativeNet net = new TestModels.DeclarativeNet();
        Model model = TestModels.model(net);

        assertRejected(
                "mixup.wrap(loss)",
                () -> trainer(model, Loss.softmaxCrossEntropyLoss(), INPUT, List.of(), mixup));
        assertRejected(
                "mixup.wrap(loss)",
                () ->
                        trainer(
                                model,
                                ManifoldMixup.builder()
                                        .build()
                                        .wrap(Loss.softmaxCrossEntropyLoss()),
                                INPUT,
                                List.of(),
                                mixup));
        assertTrue(model.getBlock() == net);
    }

    @Test
    void modelWithoutAnySite_isRejectedBeforeAnyChange() {
        SequentialBlock block = new SequentialBlock().add(Dropout.builder().build());
        Model model = TestModels.model(block);
        ManifoldMixup mixup = ManifoldMixup.builder().optInputMixup(false).build();

        assertRejected(
                "01Dropout: dropout",
                () -> trainer(model, mixup.wrap(Loss.l2Loss()), INPUT, List.of(), mixup));
        assertTrue(model.getBlock() == block, "the model's block is left as it was");
    }

    @Test
    void labelsOfAnotherBatchSize_failBeforeParametersChange() {
        ManifoldMixup mixup = ManifoldMixup.builder().optSeed(1).build();
        Model model = TestModels.model(new TestModels.DeclarativeNet());
        Trainer trainer =
                trainer(model, mixup.wrap(Loss.softmaxCrossEntropyLoss()), INPUT, List.of(), mixup);
        List<float[]> before = snapshot(model);
        NDManager batchManager = manager.newSubManager();
        Batch batch =
                new Batch(
                        batchManager,
                        new NDList(batchManager.randomNormal(INPUT)),
                        new NDList(batchManager.zeros(new Shape(6), DataType.FLOAT32)),
                        8,
                        Batchifier.STACK,
                        Batchifier.STACK,
                        0,
                        1);

        assertRejected("same batch size", () -> EasyTrain.trainBatch(trainer, batch));

        List<float[]> after = snapshot(model);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
        trainer.close();
    }

    @Test
    void explicitSitePathOfAnInstrumentedModel_unknownPathNamesTheClosest() {
        ManifoldMixup mixup = ManifoldMixup.builder().optSites("hiden2").build();
        Model model = TestModels.model(new TestModels.DeclarativeNet());

        assertRejected(
                "closest sites: [hidden2",
                () ->
                        trainer(
                                model,
                                mixup.wrap(Loss.softmaxCrossEntropyLoss()),
                                INPUT,
                                List.of(),
                                mixup));
    }
}
