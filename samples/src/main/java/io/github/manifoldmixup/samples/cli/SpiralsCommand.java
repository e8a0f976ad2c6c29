package io.github.manifoldmixup.samples.cli;

import io.github.manifoldmixup.samples.data.HostSplit;
import io.github.manifoldmixup.samples.data.Spirals;
import io.github.manifoldmixup.samples.models.MixupSpiralMlp;
import io.github.manifoldmixup.samples.plot.DecisionRegionPlot;
import io.github.manifoldmixup.samples.plot.RegionGrid;
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

/** {@code spirals}: the two-spirals problem with and without manifold mixup. */
@Command(
        name = "spirals",
        mixinStandardHelpOptions = true,
        description = {
            "Trains an MLP on two interleaved spirals with several methods and draws the decision"
                    + " regions of each (spirals.png), with the same metrics as compare."
        })
public final class SpiralsCommand implements Callable<Integer> {

    private static final String GRID = "grid";

    @Mixin CommonOptions common;

    @Option(
            names = "--points",
            description = "Training points per class (default: ${DEFAULT-VALUE}).",
            defaultValue = "500")
    int points;

    @Option(
            names = "--noise",
            description =
                    "Standard deviation of the noise on each coordinate (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.04")
    double noise;

    @Option(
            names = "--methods",
            split = ",",
            description = "Methods to compare (default: ${DEFAULT-VALUE}).",
            defaultValue = "none,manifold")
    List<String> methods;

    @Option(
            names = "--resolution",
            description =
                    "Grid cells per side of the decision-region picture (default: ${DEFAULT-VALUE}).",
            defaultValue = "160")
    int resolution;

    private final PrintStream out;

    /** Creates the command, printing to standard output. */
    public SpiralsCommand() {
        this(System.out);
    }

    SpiralsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        List<Method> chosen = methods.stream().map(Method::fromCliName).distinct().toList();
        HostSplit train = Spirals.generate(points, noise, common.seed);
        HostSplit heldOut = Spirals.generate(Math.max(1, points / 2), noise, common.seed + 1);
        HostSplit test = Spirals.generate(points, noise, common.seed + 2);
        RegionGrid grid = RegionGrid.around(train, resolution, 0.1);
        HostSplit gridPoints =
                HostSplit.of(grid.points(), train.sampleShape(), new int[grid.pointCount()], 2);
        Path folder = common.outFolder("spirals");
        String title =
                String.format(
                        Locale.ROOT,
                        "two spirals (%d training points, noise %s)",
                        train.size(),
                        noise);
        out.println("Comparing " + CompareCommand.methodNames(chosen) + " on " + title);

        Map<String, HostSplit> evaluate = new LinkedHashMap<>();
        evaluate.put(MethodComparison.TEST, test);
        evaluate.put(MethodComparison.HELD_OUT, heldOut);
        evaluate.put(GRID, gridPoints);
        List<RunResult> results = new ArrayList<>();
        Map<String, int[]> regions = new LinkedHashMap<>();
        for (Method method : chosen) {
            RunResult result =
                    TrainingRun.run(
                            MixupSpiralMlp::new,
                            common.settings(method, 150, 32, 0.005),
                            train,
                            test,
                            evaluate,
                            new ProgressBar(out, true));
            MethodComparison.writeRun(folder, result, "spirals, " + method.cliName());
            results.add(result);
            regions.put(method.cliName(), classes(result.logitsOf(GRID)));
        }

        DecisionRegionPlot.save(
                folder.resolve("spirals.png"), "Decision regions, " + title, grid, regions, train);
        MethodComparison.report(folder, title, results, test.labels(), heldOut.labels(), out);
        return 0;
    }

    private static int[] classes(float[] logits) {
        int[] classes = new int[logits.length / 2];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = logits[2 * i + 1] > logits[2 * i] ? 1 : 0;
        }
        return classes;
    }
}
