package io.github.manifoldmixup.samples.cli;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import io.github.manifoldmixup.runtime.AbstractMixup;
import io.github.manifoldmixup.samples.data.HostSplit;
import io.github.manifoldmixup.samples.models.ImageModel;
import io.github.manifoldmixup.samples.training.Method;
import io.github.manifoldmixup.samples.training.RunSettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the cost of a mixup training step against a plain one, measured alternately in one
 * process, so that the drifts of a shared machine hit every method alike.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the training step time of each mixup method against plain training: one"
                    + " trainer per method on the same model and batches, stepping in turn;"
                    + " prints median step times and their ratio to plain training."
        })
public final class BenchCommand implements Callable<Integer> {

    @Mixin DataOptions data;

    @Option(
            names = "--methods",
            split = ",",
            description = "Methods to measure against none (default: ${DEFAULT-VALUE}).",
            defaultValue = "input,manifold,output")
    List<String> methods;

    @Option(
            names = "--model",
            description = "cnn, resnet or custom (default: ${DEFAULT-VALUE}).",
            defaultValue = "cnn")
    ImageModel model;

    @Option(
            names = "--batch-size",
            description = "Batch size (default: ${DEFAULT-VALUE}).",
            defaultValue = "128")
    int batchSize;

    @Option(
            names = "--steps",
            description = "Measured steps per method (default: ${DEFAULT-VALUE}).",
            defaultValue = "150")
    int steps;

    @Option(
            names = "--warmup",
            description = "Steps per method before measuring (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int warmup;

    private final PrintStream out;

    /** Creates the command, printing to standard output. */
    public BenchCommand() {
        this(System.out);
    }

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        List<Method> chosen = new ArrayList<>();
        chosen.add(Method.NONE);
        methods.stream()
                .map(Method::fromCliName)
                .filter(m -> m != Method.NONE)
                .forEach(chosen::add);
        HostSplit train = data.load(1).train();
        List<Model> models = new ArrayList<>();
        List<Trainer> trainers = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Method method : chosen) {
                Model m = Model.newInstance(method.cliName());
                m.setBlock(model.create());
                models.add(m);
                trainers.add(trainer(m, method));
            }
            double[][] millis = new double[chosen.size()][steps];
            int per = train.featuresPerSample();
            for (int round = -warmup; round < steps; round++) {
                int from = Math.floorMod(round, Math.max(1, train.size() / batchSize)) * batchSize;
                float[] features =
                        Arrays.copyOfRange(train.features(), from * per, (from + batchSize) * per);
                float[] labels = new float[batchSize];
                for (int i = 0; i < batchSize; i++) {
                    labels[i] = train.label(from + i);
                }
                for (int k = 0; k < trainers.size(); k++) {
                    double elapsed = step(trainers.get(k), manager, features, labels, train);
                    if (round >= 0) {
                        millis[k][round] = elapsed;
                    }
                }
            }
            print(chosen, millis);
        } finally {
            trainers.forEach(Trainer::close);
            models.forEach(Model::close);
        }
        return 0;
    }

    private Trainer trainer(Model m, Method method) {
        RunSettings settings = new RunSettings(method, 0.4, 0.6, 1, batchSize, 0.001, 7);
        AbstractMixup mixup = method.listener(settings);
        Loss loss = Loss.softmaxCrossEntropyLoss();
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(mixup == null ? loss : mixup.wrap(loss))
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(Tracker.fixed(0.001f))
                                        .build())
                        .optDevices(Engine.getInstance().getDevices(1))
                        .addTrainingListeners(TrainingListener.Defaults.basic());
        if (mixup != null) {
            config.addTrainingListeners(mixup);
        }
        Trainer trainer = m.newTrainer(config);
        trainer.initialize(new Shape(batchSize, 1, 28, 28));
        return trainer;
    }

    private double step(
            Trainer trainer, NDManager manager, float[] features, float[] labels, HostSplit train) {
        NDManager batchManager = manager.newSubManager();
        NDArray x = batchManager.create(features, new Shape(batchSize, 1, 28, 28));
        NDArray y = batchManager.create(labels);
        Batch batch =
                new Batch(
                        batchManager,
                        new NDList(x),
                        new NDList(y),
                        batchSize,
                        Batchifier.STACK,
                        Batchifier.STACK,
                        0,
                        train.size() / batchSize);
        long start = System.nanoTime();
        EasyTrain.trainBatch(trainer, batch);
        trainer.step();
        double elapsed = (System.nanoTime() - start) / 1e6;
        batch.close();
        return elapsed;
    }

    private void print(List<Method> chosen, double[][] millis) {
        double plain = median(millis[0]);
        out.printf(
                Locale.ROOT,
                "Training step of %s, batch %d, %d steps per method, medians of alternating"
                        + " steps%n",
                model.cliName(),
                batchSize,
                steps);
        out.printf(Locale.ROOT, "%-18s %10s %10s%n", "method", "step ms", "vs none");
        for (int k = 0; k < chosen.size(); k++) {
            double median = median(millis[k]);
            out.printf(
                    Locale.ROOT,
                    "%-18s %10.2f %10.3f%n",
                    chosen.get(k).cliName(),
                    median,
                    median / plain);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
