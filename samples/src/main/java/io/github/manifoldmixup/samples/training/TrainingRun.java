package io.github.manifoldmixup.samples.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.github.manifoldmixup.runtime.AbstractManifoldMixup;
import io.github.manifoldmixup.runtime.AbstractMixup;
import io.github.manifoldmixup.samples.data.HostSplit;
import io.github.manifoldmixup.samples.data.SeededShuffleSampler;
import io.github.manifoldmixup.samples.metrics.ClassificationMetrics;
import io.github.manifoldmixup.samples.report.EpochMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trains one model with one method and evaluates it: DJL's {@code Trainer} and {@code EasyTrain},
 * Adam with a cosine-decayed learning rate, softmax cross-entropy, and the method's mixup listener
 * and wrapped loss.
 *
 * <p>Each epoch trains on the training split in a seeded order and then evaluates the model,
 * unmixed, on the monitor split; at the end the model's logits on every split given are kept. The
 * wall time of each training step is measured, so that runs of several methods in one process
 * compare their costs.
 */
public final class TrainingRun {

    private static final String ACCURACY = "Accuracy";
    private static final int WARMUP_STEPS = 5;

    private TrainingRun() {}

    /**
     * Runs the training.
     *
     * @param modelFactory makes a fresh, uninitialised model
     * @param settings the method and hyperparameters
     * @param train the training data
     * @param monitor the data evaluated after each epoch, such as the test split
     * @param evaluate the splits whose logits the trained model keeps, by name
     * @param progress where to show progress
     * @return the result
     * @throws IOException if the data cannot be read
     * @throws TranslateException if a batch cannot be made
     */
    public static RunResult run(
            Supplier<Block> modelFactory,
            RunSettings settings,
            HostSplit train,
            HostSplit monitor,
            Map<String, HostSplit> evaluate,
            ProgressBar progress)
            throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        AbstractMixup mixup = settings.method().listener(settings);
        Loss loss = Loss.softmaxCrossEntropyLoss();
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(mixup == null ? loss : mixup.wrap(loss))
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(learningRate(settings, train))
                                        .build())
                        .optDevices(Engine.getInstance().getDevices(1))
                        .addEvaluator(
                                mixup == null ? new Accuracy(ACCURACY) : mixup.accuracy(ACCURACY))
                        .addTrainingListeners(TrainingListener.Defaults.basic());
        if (mixup != null) {
            config.addTrainingListeners(mixup);
        }
        String name = settings.method().cliName();
        try (Model model = Model.newInstance(name);
                NDManager manager = NDManager.newBaseManager()) {
            model.setBlock(modelFactory.get());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(inputShape(settings.batchSize(), train));
                String sites = mixup instanceof AbstractManifoldMixup ? siteTable(mixup) : "";
                ArrayDataset data =
                        train.toArrayDataset(
                                manager,
                                new BatchSampler(
                                        new SeededShuffleSampler(settings.seed()),
                                        settings.batchSize()));
                List<EpochMetrics> epochs = new ArrayList<>();
                List<Double> stepMillis = new ArrayList<>();
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    String label =
                            String.format(
                                    Locale.ROOT, "%s epoch %d/%d", name, epoch, settings.epochs());
                    long start = System.nanoTime();
                    trainEpoch(trainer, data, settings.batchSize(), label, stepMillis, progress);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    trainer.notifyListeners(listener -> listener.onEpoch(trainer));

                    EpochMetrics metrics = epochMetrics(trainer, monitor, epoch, seconds, settings);
                    epochs.add(metrics);
                    progress.finish(label, summary(metrics));
                }
                Map<String, float[]> logits = new LinkedHashMap<>();
                for (Map.Entry<String, HostSplit> split : evaluate.entrySet()) {
                    logits.put(
                            split.getKey(),
                            logits(trainer, split.getValue(), settings.batchSize()));
                }
                return new RunResult(
                        settings, List.copyOf(epochs), logits, median(stepMillis), sites);
            }
        }
    }

    /**
     * Returns the learning rate schedule: the rate of the settings, decayed along a cosine to a
     * hundredth of it at the last step, so that the figures of the last epoch are those of a
     * settled model.
     */
    private static Tracker learningRate(RunSettings settings, HostSplit train) {
        long perEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        float rate = (float) settings.learningRate();
        return CosineTracker.builder()
                .setBaseValue(rate)
                .optFinalValue(rate / 100)
                .setMaxUpdates((int) Math.max(1, perEpoch * settings.epochs()))
                .build();
    }

    private static void trainEpoch(
            Trainer trainer,
            ArrayDataset data,
            int batchSize,
            String label,
            List<Double> stepMillis,
            ProgressBar progress)
            throws IOException, TranslateException {
        long done = 0;
        for (Batch batch : trainer.iterateDataset(data)) {
            long start = System.nanoTime();
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
            stepMillis.add((System.nanoTime() - start) / 1e6);
            done++;
            long batches = (batch.getProgressTotal() + batchSize - 1) / batchSize;
            progress.update(label, done, batches);
            batch.close();
        }
    }

    private static EpochMetrics epochMetrics(
            Trainer trainer, HostSplit monitor, int epoch, double seconds, RunSettings settings) {
        TrainingResult result = trainer.getTrainingResult();
        float[] logits = logits(trainer, monitor, settings.batchSize());
        int[] labels = monitor.labels();
        return new EpochMetrics(
                epoch,
                orNaN(result.getTrainLoss()),
                orNaN(result.getTrainEvaluation(ACCURACY)),
                ClassificationMetrics.accuracy(logits, labels),
                ClassificationMetrics.meanNll(logits, labels),
                seconds);
    }

    private static String summary(EpochMetrics m) {
        return String.format(
                Locale.ROOT,
                "train loss %.4f acc %.4f | test loss %.4f acc %.4f | %.1f s",
                m.trainLoss(),
                m.trainAccuracy(),
                m.testLoss(),
                m.testAccuracy(),
                m.seconds());
    }

    /**
     * Returns the logits of a trained model on a split, evaluated unmixed in batches.
     *
     * @param trainer the trainer of the model
     * @param split the data
     * @param batchSize how many samples per forward pass
     * @return the logits, row-major (samples x classes)
     */
    public static float[] logits(Trainer trainer, HostSplit split, int batchSize) {
        int per = split.featuresPerSample();
        float[] features = split.features();
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int from = 0; from < split.size(); from += batchSize) {
            int count = Math.min(batchSize, split.size() - from);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                float[] slice = Arrays.copyOfRange(features, from * per, (from + count) * per);
                NDArray x = manager.create(slice, batchShape(count, split));
                NDArray out = trainer.evaluate(new NDList(x)).head();
                float[] values = out.toType(DataType.FLOAT32, false).toFloatArray();
                parts.add(values);
                total += values.length;
            }
        }
        float[] all = new float[total];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    private static Shape inputShape(int batchSize, HostSplit split) {
        return batchShape(batchSize, split);
    }

    private static Shape batchShape(int count, HostSplit split) {
        long[] dims = new long[split.sampleShape().dimension() + 1];
        dims[0] = count;
        System.arraycopy(split.sampleShape().getShape(), 0, dims, 1, dims.length - 1);
        return new Shape(dims);
    }

    private static String siteTable(AbstractMixup mixup) {
        return ((AbstractManifoldMixup) mixup).getSiteTable() == null
                ? ""
                : ((AbstractManifoldMixup) mixup).getSiteTable().toString();
    }

    private static double orNaN(Float value) {
        return value == null ? Double.NaN : value;
    }

    private static double median(List<Double> values) {
        List<Double> measured =
                values.size() > 2 * WARMUP_STEPS
                        ? values.subList(WARMUP_STEPS, values.size())
                        : values;
        if (measured.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = measured.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
