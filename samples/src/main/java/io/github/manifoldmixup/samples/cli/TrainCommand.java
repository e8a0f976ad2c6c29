package io.github.manifoldmixup.samples.cli;

import io.github.manifoldmixup.samples.metrics.ClassificationMetrics;
import io.github.manifoldmixup.samples.models.ImageModel;
import io.github.manifoldmixup.samples.training.Method;
import io.github.manifoldmixup.samples.training.MethodComparison;
import io.github.manifoldmixup.samples.training.ProgressBar;
import io.github.manifoldmixup.samples.training.RunResult;
import io.github.manifoldmixup.samples.training.RunSettings;
import io.github.manifoldmixup.samples.training.TrainingRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: one model, one method, on Fashion-MNIST. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains one model with one method on Fashion-MNIST and writes <out>/<method>/"
                    + "metrics.csv and curves.png."
        })
public final class TrainCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Mixin DataOptions data;

    @Option(
            names = "--method",
            description =
                    "none, input, manifold, output, dynamic-manifold or dynamic-output (default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "manifold")
    String method;

    @Option(
            names = "--model",
            description = "cnn, resnet or custom (default: ${DEFAULT-VALUE}).",
            defaultValue = "cnn")
    ImageModel model;

    private final PrintStream out;

    /** Creates the command, printing to standard output. */
    public TrainCommand() {
        this(System.out);
    }

    TrainCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        RunSettings settings = common.settings(Method.fromCliName(method), 10, 128, 0.001);
        DataOptions.Loaded loaded = data.load(common.seed);
        Path folder = common.outFolder("train");
        out.printf(
                Locale.ROOT,
                "Training %s with %s on %s: %d training and %d test images%n",
                model.cliName(),
                settings.method().cliName(),
                loaded.origin(),
                loaded.train().size(),
                loaded.test().size());

        RunResult result =
                TrainingRun.run(
                        model::create,
                        settings,
                        loaded.train(),
                        loaded.test(),
                        Map.of(MethodComparison.TEST, loaded.test()),
                        new ProgressBar(out, common.quiet));
        if (!result.sites().isEmpty()) {
            out.print(result.sites());
        }
        MethodComparison.writeRun(folder, result, model.cliName() + ", " + method);

        float[] logits = result.logitsOf(MethodComparison.TEST);
        int[] labels = loaded.test().labels();
        out.printf(
                Locale.ROOT,
                "%s %s: test accuracy %.4f, NLL %.4f, ECE %.4f, median step %.1f ms; files in %s%n",
                model.cliName(),
                settings.method().cliName(),
                ClassificationMetrics.accuracy(logits, labels),
                ClassificationMetrics.meanNll(logits, labels),
                ClassificationMetrics.expectedCalibrationError(logits, labels),
                result.medianStepMillis(),
                folder.resolve(settings.method().cliName()));
        return 0;
    }
}
