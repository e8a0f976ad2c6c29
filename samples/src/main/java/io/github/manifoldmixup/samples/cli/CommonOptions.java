package io.github.manifoldmixup.samples.cli;

import io.github.manifoldmixup.samples.training.Method;
import io.github.manifoldmixup.samples.training.RunSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every training command shares. */
public final class CommonOptions {

    @Option(
            names = "--epochs",
            description = "Training epochs per method (default: the command's budget).")
    Integer epochs;

    @Option(
            names = "--batch-size",
            description = "Batch size (default: 128 for images, 32 for spirals).")
    Integer batchSize;

    @Option(
            names = "--lr",
            description = "Learning rate of Adam (default: 0.001 for images, 0.005 for spirals).")
    Double learningRate;

    @Option(
            names = "--alpha",
            description =
                    "Alpha of the Beta law for fixed mixup methods (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.4")
    double alpha;

    @Option(
            names = "--alpha-max",
            description =
                    "Final alpha of the dynamic methods, which start at 0 (default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "0.6")
    double alphaMax;

    @Option(
            names = "--seed",
            description =
                    "Seed of the data subsets, initial weights, batch order and draws (default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Option(
            names = "--out",
            description = "Folder for the metrics and pictures (default: out/<command>).")
    Path out;

    @Option(names = "--quiet", description = "Print one line per epoch instead of a progress bar.")
    boolean quiet;

    RunSettings settings(Method method, int defaultEpochs, int defaultBatch, double defaultRate) {
        return new RunSettings(
                method,
                alpha,
                alphaMax,
                epochs != null ? epochs : defaultEpochs,
                batchSize != null ? batchSize : defaultBatch,
                learningRate != null ? learningRate : defaultRate,
                seed);
    }

    Path outFolder(String command) {
        return out != null ? out : Path.of("out", command);
    }
}
