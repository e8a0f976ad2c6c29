package io.github.manifoldmixup.runtime;

import static io.github.manifoldmixup.runtime.TrainingSupport.trainer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import io.github.manifoldmixup.runtime.schedule.AlphaSchedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicMixupTest extends ArrayTest {

    private static final Shape INPUT = new Shape(16, TestModels.FEATURES);

    /** Trains 2 epochs of 4 batches and records, per batch, the alpha and weights of its draw. */
    private List<Draw> train(AbstractMixup mixup, Loss loss, List<Float> losses) throws Exception {
        List<Draw> draws = new ArrayList<>();
        TrainingListener recorder =
                new TrainingListenerAdapter() {
                    @Override
                    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                        NDList predictions = batchData.getPredictions().get(Device.cpu());
                        NDList labels = batchData.getLabels().get(Device.cpu());
                        draws.add(mixup.getDrawSource().forPredictions(predictions));
                        losses.add(trainer.getLoss().evaluate(labels, predictions).getFloat());
                        losses.add(
                                Loss.softmaxCrossEntropyLoss()
                                        .evaluate(labels, predictions)
                                        .getFloat());
                    }
                };
        Trainer trainer =
                trainer(
                        TestModels.model(new TestModels.DeclarativeNet()),
                        mixup.wrap(loss),
                        INPUT,
                        List.of(),
                        recorder,
                        mixup);
        EasyTrain.fit(trainer, 2, TestModels.blobs(manager, 64, 16, 1), null);
        trainer.close();
        return draws;
    }

    @Test
    void dynamicManifold_alphaFollowsCosineFromZeroOverTheEpochs() throws Exception {
        List<Float> losses = new ArrayList<>();
        DynamicManifoldMixup mixup = DynamicManifoldMixup.builder().optEpochs(2).optSeed(1).build();

        List<Draw> draws = train(mixup, Loss.softmaxCrossEntropyLoss(), losses);

        assertEquals(8, draws.size());
        AlphaSchedule cosine = AlphaSchedule.cosine(0, 0.6);
        for (int step = 0; step < draws.size(); step++) {
            double expected = step == 0 ? 0 : cosine.valueAt(step / 8.0);
            assertEquals(expected, draws.get(step).alpha(), 1e-12, "step " + step);
        }
        assertTrue(
                Arrays.stream(draws.get(0).lambdaOnHost()).allMatch(l -> l == 1),
                "alpha 0 mixes nothing");
        assertEquals(losses.get(1), losses.get(0), 1e-6, "at alpha 0 the loss is the plain loss");
        assertTrue(Float.isFinite(losses.get(losses.size() - 2)));
    }

    @Test
    void dynamicOutput_followsAGivenScheduleAndTracker() throws Exception {
        DynamicOutputMixup bySchedule =
                DynamicOutputMixup.builder()
                        .optSchedule(AlphaSchedule.linear(0.2, 1.0))
                        .optTotalSteps(8)
                        .optSeed(2)
                        .build();
        List<Draw> scheduled = train(bySchedule, Loss.softmaxCrossEntropyLoss(), new ArrayList<>());
        for (int step = 0; step < scheduled.size(); step++) {
            assertEquals(0.2 + 0.8 * step / 8.0, scheduled.get(step).alpha(), 1e-12);
        }

        DynamicOutputMixup byTracker =
                DynamicOutputMixup.builder().optTracker(step -> step * 0.25f).optSeed(3).build();
        List<Draw> tracked = train(byTracker, Loss.softmaxCrossEntropyLoss(), new ArrayList<>());
        for (int step = 0; step < tracked.size(); step++) {
            assertEquals(step * 0.25, tracked.get(step).alpha(), 1e-6);
        }
    }

    @Test
    void dynamicManifold_shapeOtherThanCosine() throws Exception {
        DynamicManifoldMixup mixup =
                DynamicManifoldMixup.builder()
                        .optAlphaMin(0.1)
                        .optAlphaMax(0.5)
                        .optScheduleShape(AlphaSchedule::linear)
                        .optEpochs(2)
                        .optSeed(4)
                        .build();

        List<Draw> draws = train(mixup, Loss.softmaxCrossEntropyLoss(), new ArrayList<>());

        assertEquals(0.1, draws.get(0).alpha(), 1e-12);
        assertEquals(0.1 + 0.4 * 7 / 8.0, draws.get(7).alpha(), 1e-12);
    }
}
