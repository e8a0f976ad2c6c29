package io.github.manifoldmixup.runtime;

import static io.github.manifoldmixup.runtime.TrainingSupport.blend;
import static io.github.manifoldmixup.runtime.TrainingSupport.floats;
import static io.github.manifoldmixup.runtime.TrainingSupport.trainer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import ai.djl.translate.Batchifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MixupTrainingTest extends ArrayTest {

    private static final Shape INPUT = new Shape(32, TestModels.FEATURES);

    static Stream<Arguments> listenersAndModels() {
        List<Supplier<AbstractMixup>> listeners =
                List.of(
                        () -> ManifoldMixup.builder().optSeed(1).build(),
                        () -> OutputMixup.builder().optSeed(2).build(),
                        () -> DynamicManifoldMixup.builder().optSeed(3).optEpochs(4).build(),
                        () -> DynamicOutputMixup.builder().optSeed(4).optEpochs(4).build());
        List<String> names =
                List.of(
                        "ManifoldMixup",
                        "OutputMixup",
                        "DynamicManifoldMixup",
                        "DynamicOutputMixup");
        List<Arguments> arguments = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            Supplier<AbstractMixup> listener = listeners.get(i);
            arguments.add(Arguments.of(names.get(i), "declarative", listener));
            arguments.add(Arguments.of(names.get(i), "custom forward", listener));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} on the {1} model")
    @MethodSource("listenersAndModels")
    void fit_lossIsFiniteAndDecreasesOnLearnableProblem(
            String listenerName, String modelKind, Supplier<AbstractMixup> listener)
            throws Exception {
        AbstractMixup mixup = listener.get();
        Block block =
                modelKind.equals("declarative")
                        ? new TestModels.DeclarativeNet()
                        : new TestModels.MixupCustomNet();
        Model model = TestModels.model(block);
        Loss loss = Loss.softmaxCrossEntropyLoss();
        Trainer trainer = trainer(model, mixup.wrap(loss), INPUT, List.of(mixup.accuracy()), mixup);
        ArrayDataset data = TestModels.blobs(manager, 256, 32, 7);

        double before = plainLoss(trainer, data, loss);
        EasyTrain.fit(trainer, 4, data, null);
        double after = plainLoss(trainer, data, loss);

        assertTrue(Double.isFinite(after), listenerName + " loss " + after);
        assertTrue(after < 0.8 * before, listenerName + ": loss " + before + " -> " + after);
        float trainLoss = trainer.getTrainingResult().getTrainLoss();
        assertTrue(Float.isFinite(trainLoss), "logged training loss " + trainLoss);
        trainer.close();
        assertTrue(model.getBlock() == block, "the model's own block after training");
    }

    @Test
    void trainBatch_mixesExactlyTheChosenSite() throws Exception {
        ManifoldMixup mixup = ManifoldMixup.builder().optSeed(11).optAlpha(1).build();
        TestModels.DeclarativeNet net = new TestModels.DeclarativeNet();
        Trainer trainer =
                trainer(
                        TestModels.model(net),
                        mixup.wrap(Loss.softmaxCrossEntropyLoss()),
                        INPUT,
                        List.of(),
                        mixup);
        ArrayDataset data = TestModels.blobs(manager, 32 * 24, 32, 3);
        boolean[] seen = new boolean[3];

        for (Batch batch : trainer.iterateDataset(data)) {
            float[] input = floats(batch.getData().head());
            net.input.reset();
            net.hidden1.reset();
            net.afterHidden1.reset();
            net.hidden2.reset();
            net.afterHidden2.reset();
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
            Draw draw = mixup.getDrawSource().current(Device.cpu());
            int site = draw.site();
            seen[site] = true;

            float[] expectedInput = site == 0 ? blend(input, draw) : input;
            assertArrayEquals(expectedInput, net.input.outputs.get(0), 1e-5f, "input");
            float[] site1 = net.hidden1.outputs.get(0);
            float[] atSite1 = site == 1 ? blend(site1, draw) : site1;
            assertArrayEquals(relu(atSite1), net.afterHidden1.outputs.get(0), 1e-5f, "site 1");
            float[] site2 = net.hidden2.outputs.get(0);
            float[] atSite2 = site == 2 ? blend(site2, draw) : site2;
            assertArrayEquals(relu(atSite2), net.afterHidden2.outputs.get(0), 1e-5f, "site 2");
            batch.close();
        }
        assertTrue(seen[0] && seen[1] && seen[2], "every site was drawn at least once");
        trainer.close();
    }

    @Test
    void fit_sitesAreChosenEquallyOften() throws Exception {
        ManifoldMixup mixup = ManifoldMixup.builder().optSeed(5).build();
        int[] counts = new int[3];
        TrainingListener counter =
                new TrainingListenerAdapter() {
                    @Override
                    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                        counts[mixup.getDrawSource().current(Device.cpu()).site()]++;
                    }
                };
        Trainer trainer =
                trainer(
                        TestModels.model(new TestModels.DeclarativeNet()),
                        mixup.wrap(Loss.softmaxCrossEntropyLoss()),
                        new Shape(4, TestModels.FEATURES),
                        List.of(),
                        mixup,
                        counter);

        EasyTrain.fit(trainer, 1, TestModels.blobs(manager, 4 * 600, 4, 1), null);

        double expected = 200;
        double chiSquare = 0;
        for (int count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        double p = ChiSquaredDistribution.of(2).survivalProbability(chiSquare);
        assertTrue(
                p > 1e-4, "chi-square p " + p + " for counts " + java.util.Arrays.toString(counts));
        trainer.close();
    }

    @Test
    void fit_validationIsNeverMixedAndLoggedTrainingLossIsTheOptimisedOne() throws Exception {
        for (boolean mixupFirst : new boolean[] {true, false}) {
            ManifoldMixup mixup = ManifoldMixup.builder().optSeed(9).optAlpha(1).build();
            Loss plain = Loss.softmaxCrossEntropyLoss();
            MixupLoss loss = mixup.wrap(plain);
            List<String> failures = new ArrayList<>();
            TrainingListener checker =
                    new TrainingListenerAdapter() {
                        @Override
                        public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                            NDList labels = batchData.getLabels().get(Device.cpu());
                            NDList predictions = batchData.getPredictions().get(Device.cpu());
                            Draw draw = mixup.getDrawSource().forPredictions(predictions);
                            if (draw == null || !draw.isApplied()) {
                                failures.add("training batch without an applied draw");
                                return;
                            }
                            NDArray mixedTargets =
                                    draw.blend(
                                            labels.head()
                                                    .toType(DataType.INT64, false)
                                                    .oneHot(TestModels.CLASSES)
                                                    .toType(DataType.FLOAT32, false));
                            float expected =
                                    Loss.softmaxCrossEntropyLoss("ce", 1, -1, false, true)
                                            .evaluate(new NDList(mixedTargets), predictions)
                                            .getFloat();
                            float logged = loss.evaluate(labels, predictions).getFloat();
                            if (Math.abs(expected - logged) > 1e-5) {
                                failures.add("logged " + logged + " optimised " + expected);
                            }
                        }

                        @Override
                        public void onValidationBatch(Trainer trainer, BatchData batchData) {
                            NDList labels = batchData.getLabels().get(Device.cpu());
                            NDList predictions = batchData.getPredictions().get(Device.cpu());
                            if (mixup.getDrawSource().forPredictions(predictions) != null) {
                                failures.add("validation predictions have a draw");
                            }
                            float wrapped = loss.evaluate(labels, predictions).getFloat();
                            float unwrapped = plain.evaluate(labels, predictions).getFloat();
                            if (wrapped != unwrapped) {
                                failures.add("validation loss " + wrapped + " vs " + unwrapped);
                            }
                        }
                    };
            TrainingListener[] order =
                    mixupFirst
                            ? new TrainingListener[] {mixup, checker}
                            : new TrainingListener[] {checker, mixup};
            TestModels.DeclarativeNet net = new TestModels.DeclarativeNet();
            Trainer trainer = trainer(TestModels.model(net), loss, INPUT, List.of(), order);

            EasyTrain.fit(
                    trainer,
                    2,
                    TestModels.blobs(manager, 128, 32, 2),
                    TestModels.blobs(manager, 64, 32, 3));

            assertEquals(List.of(), failures, "mixup listener first: " + mixupFirst);
            trainer.close();
        }
    }

    @Test
    void forward_twoSplitsOnParallelThreadsEachUseTheirOwnDraw() throws Exception {
        ManifoldMixup mixup =
                ManifoldMixup.builder().optSeed(21).optAlpha(1).optInputMixup(false).build();
        MixupLoss loss = mixup.wrap(Loss.softmaxCrossEntropyLoss());
        Model model = TestModels.model(new TrainingSupport.IdentityNet());
        Trainer trainer = trainer(model, loss, new Shape(8, 3), List.of(), mixup);
        Object[][] results = new Object[2][];
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int split = 0; split < 2; split++) {
            int index = split;
            Thread thread =
                    new Thread(
                            () -> {
                                try {
                                    NDArray logits =
                                            manager.randomNormal(new Shape(8, 3)).mul(index + 1);
                                    NDList labels =
                                            new NDList(
                                                    manager.create(
                                                            new float[] {0, 1, 2, 0, 1, 2, 0, 1}));
                                    NDList predictions = trainer.forward(new NDList(logits));
                                    float value = loss.evaluate(labels, predictions).getFloat();
                                    results[index] =
                                            new Object[] {
                                                mixup.getDrawSource().forPredictions(predictions),
                                                floats(predictions.head()),
                                                value
                                            };
                                } catch (Throwable t) {
                                    synchronized (errors) {
                                        errors.add(t);
                                    }
                                }
                            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(List.of(), errors);
        Draw first = (Draw) results[0][0];
        Draw second = (Draw) results[1][0];
        assertNotNull(first);
        assertNotNull(second);
        assertTrue(first != second, "each split has its own draw");
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1};
        for (Object[] result : results) {
            Draw draw = (Draw) result[0];
            float[] predictions = (float[]) result[1];
            int[] perm = draw.permutationOnHost();
            double[] lambda = draw.lambdaOnHost();
            double expected = 0;
            for (int i = 0; i < 8; i++) {
                double[] logp = TrainingSupport.logSoftmax(predictions, i, 3);
                expected +=
                        -(lambda[i] * logp[labels[i]] + (1 - lambda[i]) * logp[labels[perm[i]]]);
            }
            assertEquals(expected / 8, (float) result[2], 1e-5, "the split's loss uses its draw");
        }
        trainer.close();
    }

    @Test
    void trainBatch_batchOfOneTrainsUnmixed() {
        ManifoldMixup mixup = ManifoldMixup.builder().optSeed(4).optAlpha(1).build();
        Loss plain = Loss.softmaxCrossEntropyLoss();
        MixupLoss loss = mixup.wrap(plain);
        TestModels.DeclarativeNet net = new TestModels.DeclarativeNet();
        Trainer trainer =
                trainer(
                        TestModels.model(net),
                        loss,
                        new Shape(1, TestModels.FEATURES),
                        List.of(),
                        mixup);
        NDArray x = manager.randomNormal(new Shape(1, TestModels.FEATURES));
        NDList labels = new NDList(manager.create(new float[] {2}));

        NDList predictions = trainer.forward(new NDList(x));

        assertArrayEquals(
                floats(trainer.evaluate(new NDList(x)).head()), floats(predictions.head()), 1e-6f);
        assertEquals(
                plain.evaluate(labels, predictions).getFloat(),
                loss.evaluate(labels, predictions).getFloat(),
                1e-6f);
        trainer.close();
    }

    @Test
    void forward_siteReachedTwiceIsMixedOnceAndWarnsOnce() {
        ManifoldMixup mixup =
                ManifoldMixup.builder().optSeed(6).optAlpha(1).optInputMixup(false).build();
        TwiceNet net = new TwiceNet();
        Trainer trainer =
                trainer(
                        TestModels.model(net),
                        mixup.wrap(Loss.l2Loss()),
                        new Shape(6, 3),
                        List.of(),
                        mixup);
        NDArray x = manager.randomNormal(new Shape(6, 3));

        trainer.forward(new NDList(x));

        Draw draw = mixup.getDrawSource().current(Device.cpu());
        assertArrayEquals(blend(floats(x), draw), net.first, 1e-6f, "first pass mixed");
        assertArrayEquals(floats(x), net.second, 1e-6f, "second pass not mixed again");
        assertTrue(mixup.getDrawSource().hasWarnedReachedTwice());
        trainer.close();
    }

    @Test
    void trainBatch_halfPrecisionTrains() throws Exception {
        ManifoldMixup mixup = ManifoldMixup.builder().optSeed(12).build();
        List<Float> losses = new ArrayList<>();
        TrainingListener recorder =
                new TrainingListenerAdapter() {
                    @Override
                    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                        NDList labels = batchData.getLabels().get(Device.cpu());
                        NDList predictions = batchData.getPredictions().get(Device.cpu());
                        losses.add(trainer.getLoss().evaluate(labels, predictions).getFloat());
                    }
                };
        Model model = TestModels.model(new TestModels.DeclarativeNet());
        model.setDataType(DataType.FLOAT16);
        Trainer trainer =
                trainer(
                        model,
                        mixup.wrap(Loss.softmaxCrossEntropyLoss()),
                        INPUT,
                        List.of(),
                        mixup,
                        recorder);
        for (Batch batch : trainer.iterateDataset(TestModels.blobs(manager, 128, 32, 5))) {
            NDList half = new NDList(batch.getData().head().toType(DataType.FLOAT16, false));
            Batch converted =
                    new Batch(
                            batch.getManager(),
                            half,
                            batch.getLabels(),
                            batch.getSize(),
                            Batchifier.STACK,
                            Batchifier.STACK,
                            batch.getProgress(),
                            batch.getProgressTotal());
            EasyTrain.trainBatch(trainer, converted);
            trainer.step();
            batch.close();
        }

        assertEquals(4, losses.size());
        for (float loss : losses) {
            assertTrue(Float.isFinite(loss), "half-precision training loss " + losses);
        }
        assertTrue(losses.get(3) < losses.get(0), "training lowers the loss " + losses);
        trainer.close();
    }

    @Test
    void fit_nestedInstrumentedBlockIsWrappedForTheRunAndRestored() throws Exception {
        ManifoldMixup mixup = ManifoldMixup.builder().optSeed(13).build();
        TestModels.DeclarativeNet net = new TestModels.DeclarativeNet();
        SequentialBlock outer = new SequentialBlock().add(net).add(Activation.reluBlock());
        Model model = TestModels.model(outer);
        Trainer trainer =
                trainer(model, mixup.wrap(Loss.softmaxCrossEntropyLoss()), INPUT, List.of(), mixup);

        assertTrue(model.getBlock() instanceof MixupRoot, "wrapped while training");
        assertEquals(
                List.of("01DeclarativeNet.hidden1", "01DeclarativeNet.hidden2"),
                mixup.getSiteTable().paths());
        EasyTrain.fit(trainer, 1, TestModels.blobs(manager, 64, 32, 4), null);
        trainer.close();

        assertTrue(model.getBlock() == outer, "the original block is back");
        assertTrue(!net.getSiteHooks().isNested(), "the nested hooks are released");
    }

    @Test
    void fit_inputOnlyMixesTheInputOfAnyModel() throws Exception {
        for (Block block :
                new Block[] {
                    new TestModels.DeclarativeNet(),
                    new SequentialBlock()
                            .add(ai.djl.nn.core.Linear.builder().setUnits(8).build())
                            .add(Activation.reluBlock())
                            .add(ai.djl.nn.core.Linear.builder().setUnits(4).build())
                }) {
            ManifoldMixup mixup = ManifoldMixup.builder().optSeed(14).optInputOnly().build();
            List<Integer> sites = new ArrayList<>();
            TrainingListener counter =
                    new TrainingListenerAdapter() {
                        @Override
                        public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                            Draw draw = mixup.getDrawSource().current(Device.cpu());
                            sites.add(draw.isApplied() ? draw.site() : -1);
                        }
                    };
            Model model = TestModels.model(block);
            Trainer trainer =
                    trainer(
                            model,
                            mixup.wrap(Loss.softmaxCrossEntropyLoss()),
                            INPUT,
                            List.of(),
                            mixup,
                            counter);

            EasyTrain.fit(trainer, 1, TestModels.blobs(manager, 128, 32, 4), null);
            trainer.close();

            assertEquals(List.of(0, 0, 0, 0), sites, block.getClass().getSimpleName());
            assertTrue(model.getBlock() == block);
        }
    }

    /** Calls its one site twice on the same input and records both outputs. */
    static final class TwiceNet extends ai.djl.nn.AbstractBlock implements InstrumentedBlock {
        private final SiteHooks hooks =
                new SiteHooks(SiteTable.of(new Site(1, "shared", "identity", false)));
        private final Block shared = hooks.site(1, ai.djl.nn.Blocks.identityBlock());
        float[] first;
        float[] second;

        @Override
        public SiteHooks getSiteHooks() {
            return hooks;
        }

        @Override
        protected NDList forwardInternal(
                ai.djl.training.ParameterStore ps,
                NDList inputs,
                boolean training,
                ai.djl.util.PairList<String, Object> params) {
            NDList x = hooks.enter(inputs, training);
            NDList a = shared.forward(ps, x, training, params);
            NDList b = shared.forward(ps, x, training, params);
            first = floats(a.head());
            second = floats(b.head());
            return hooks.exit(new NDList(a.head().add(b.head())), training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }

    private static double plainLoss(Trainer trainer, ArrayDataset data, Loss loss)
            throws Exception {
        double total = 0;
        int batches = 0;
        for (Batch batch : trainer.iterateDataset(data)) {
            NDList predictions = trainer.evaluate(batch.getData());
            total += loss.evaluate(batch.getLabels(), predictions).getFloat();
            batches++;
            batch.close();
        }
        return total / batches;
    }

    private static float[] relu(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.max(0, values[i]);
        }
        return out;
    }

    static void assertNoDraw(ManifoldMixup mixup, NDList predictions) {
        assertNull(mixup.getDrawSource().forPredictions(predictions));
    }
}
