package io.github.manifoldmixup.samples.cli;

import io.github.manifoldmixup.samples.data.HostSplit;
import io.github.manifoldmixup.samples.models.ImageModel;
import io.github.manifoldmixup.samples.training.Method;
import io.github.manifoldmixup.samples.training.MethodComparison;
import io.github.manifoldmixup.samples.training.ProgressBar;
import io.github.manifoldmixup.samples.training.RunResult;
import io.github.manifoldmixup.samples.training.TrainingRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code compare}: several methods on the same data, model, seed and epochs. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Trains the same model with several methods on the same data, seed and epochs, and"
                    + " compares test accuracy, NLL, calibration (before and after temperature"
                    + " scaling) and step time. Writes comparison.md, comparison.png,"
                    + " reliability.png, accuracy.png and one folder per method."
        })
public final class CompareCommand implements Callable<Integer> {

    /** The default number of epochs, sized so the default run ends in about ten minutes. */
    static final int DEFAULT_EPOCHS = 15;

    @Mixin CommonOptions common;

    @Mixin DataOptions data;

    @Option(
            names = "--methods",
            split = ",",
            description = "Methods to compare (default: ${DEFAULT-VALUE}).",
            defaultValue = "none,input,manifold,output")
    List<String> methods;

    @Option(
            names = "--model",
            description = "cnn, resnet or custom (default: ${DEFAULT-VALUE}).",
            defaultValue = "cnn")
    ImageModel model;

    @Option(
            names = "--held-out",
            description =
                    "Fraction of the training images kept out of training to fit the temperature"
                            + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.1")
    double heldOut;

    private final PrintStream out;

    /** Creates the command, printing to standard output. */
    public CompareCommand() {
        this(System.out);
    }

    CompareCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        List<Method> chosen = methods.stream().map(Method::fromCliName).distinct().toList();
        DataOptions.Loaded loaded = data.load(common.seed);
        HostSplit.Partition parts = loaded.train().holdOut(heldOut, common.seed);
        Path folder = common.outFolder("compare");
        String title =
                String.format(
                        Locale.ROOT,
                        "%s on %s (%d training, %d held-out, %d test images)",
                        model.cliName(),
                        loaded.origin(),
                        parts.rest().size(),
                        parts.heldOut().size(),
                        loaded.test().size());
        out.println("Comparing " + methodNames(chosen) + ": " + title);

        Map<String, HostSplit> evaluate = new LinkedHashMap<>();
        evaluate.put(MethodComparison.TEST, loaded.test());
        evaluate.put(MethodComparison.HELD_OUT, parts.heldOut());
        List<RunResult> results = new ArrayList<>();
        for (Method method : chosen) {
            RunResult result =
                    TrainingRun.run(
                            model::create,
                            common.settings(method, DEFAULT_EPOCHS, 128, 0.001),
                            parts.rest(),
                            loaded.test(),
                            evaluate,
                            new ProgressBar(out, common.quiet));
            MethodComparison.writeRun(folder, result, model.cliName() + ", " + method.cliName());
            results.add(result);
        }

        MethodComparison.report(
                folder, title, results, loaded.test().labels(), parts.heldOut().labels(), out);
        return 0;
    }

    static String methodNames(List<Method> methods) {
        return String.join(", ", methods.stream().map(Method::cliName).toList());
    }
}
