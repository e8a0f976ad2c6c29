package io.github.manifoldmixup.samples.training;

import io.github.manifoldmixup.samples.metrics.ClassificationMetrics;
import io.github.manifoldmixup.samples.metrics.ReliabilityDiagram;
import io.github.manifoldmixup.samples.metrics.TemperatureScaling;
import io.github.manifoldmixup.samples.plot.ComparisonPlot;
import io.github.manifoldmixup.samples.plot.ReliabilityPlot;
import io.github.manifoldmixup.samples.plot.TrainingCurvesPlot;
import io.github.manifoldmixup.samples.report.EpochCsvWriter;
import io.github.manifoldmixup.samples.report.EpochMetrics;
import io.github.manifoldmixup.samples.report.MarkdownTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of several runs side by side: test accuracy, negative log-likelihood and expected
 * calibration error (15 bins), the same calibration figures after post-hoc temperature scaling (one
 * temperature fitted on held-out training data), and the training step time relative to plain
 * training measured in the same process.
 */
public final class MethodComparison {

    /** The name under which runs keep the logits of the test split. */
    public static final String TEST = "test";

    /** The name under which runs keep the logits of the held-out split. */
    public static final String HELD_OUT = "held-out";

    /**
     * The figures of one run.
     *
     * @param method the method
     * @param accuracy test accuracy in [0, 1]
     * @param nll test mean negative log-likelihood, in nats
     * @param ece test expected calibration error in [0, 1]
     * @param temperature the temperature fitted on the held-out split
     * @param scaledNll test NLL after temperature scaling
     * @param scaledEce test ECE after temperature scaling
     * @param stepMillis median training step time in milliseconds
     * @param stepRatio step time over the step time of plain training in the same process, or NaN
     *     without a plain run
     * @param reliability the reliability diagram of the test split before scaling
     */
    public record Row(
            Method method,
            double accuracy,
            double nll,
            double ece,
            double temperature,
            double scaledNll,
            double scaledEce,
            double stepMillis,
            double stepRatio,
            ReliabilityDiagram reliability) {}

    private MethodComparison() {}

    /**
     * Computes the figures of each run.
     *
     * @param results runs that kept the logits of {@link #TEST} and {@link #HELD_OUT}
     * @param testLabels labels of the test split
     * @param heldOutLabels labels of the held-out split
     * @return one row per run, in order
     */
    public static List<Row> rows(List<RunResult> results, int[] testLabels, int[] heldOutLabels) {
        double plainStep = Double.NaN;
        for (RunResult result : results) {
            if (result.settings().method() == Method.NONE) {
                plainStep = result.medianStepMillis();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            float[] test = result.logitsOf(TEST);
            TemperatureScaling scaling =
                    TemperatureScaling.fit(result.logitsOf(HELD_OUT), heldOutLabels);
            float[] scaled = scaling.apply(test);
            rows.add(
                    new Row(
                            result.settings().method(),
                            ClassificationMetrics.accuracy(test, testLabels),
                            ClassificationMetrics.meanNll(test, testLabels),
                            ClassificationMetrics.expectedCalibrationError(test, testLabels),
                            scaling.temperature(),
                            ClassificationMetrics.meanNll(scaled, testLabels),
                            ClassificationMetrics.expectedCalibrationError(scaled, testLabels),
                            result.medianStepMillis(),
                            result.medianStepMillis() / plainStep,
                            ClassificationMetrics.reliability(test, testLabels)));
        }
        return rows;
    }

    /**
     * Returns the rows as a Markdown table.
     *
     * @param rows the figures
     * @return the table
     */
    public static MarkdownTable table(List<Row> rows) {
        MarkdownTable table =
                MarkdownTable.withColumns(
                        "method",
                        "test accuracy",
                        "test NLL",
                        "test ECE",
                        "temperature",
                        "NLL after T",
                        "ECE after T",
                        "step ms",
                        "step vs none");
        for (Row row : rows) {
            table.addRow(
                    row.method().cliName(),
                    row.accuracy(),
                    row.nll(),
                    row.ece(),
                    row.temperature(),
                    row.scaledNll(),
                    row.scaledEce(),
                    String.format(Locale.ROOT, "%.1f", row.stepMillis()),
                    Double.isNaN(row.stepRatio())
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.3f", row.stepRatio()));
        }
        return table;
    }

    /**
     * Writes the per-run files: {@code <method>/metrics.csv} and {@code <method>/curves.png}.
     *
     * @param folder the output folder
     * @param result the run
     * @param title the title of the curves
     * @throws IOException if a file cannot be written
     */
    public static void writeRun(Path folder, RunResult result, String title) throws IOException {
        Path runFolder = folder.resolve(result.settings().method().cliName());
        EpochCsvWriter.write(runFolder.resolve("metrics.csv"), result.epochs());
        TrainingCurvesPlot.save(runFolder.resolve("curves.png"), title, result.epochs());
    }

    /**
     * Computes the figures of the runs, writes the comparison files and prints the table.
     *
     * @param folder the output folder
     * @param title what was compared
     * @param results the runs, which kept the logits of {@link #TEST} and {@link #HELD_OUT}
     * @param testLabels labels of the test split
     * @param heldOutLabels labels of the held-out split
     * @param out where to print the table
     * @return the figures
     * @throws IOException if a file cannot be written
     */
    public static List<Row> report(
            Path folder,
            String title,
            List<RunResult> results,
            int[] testLabels,
            int[] heldOutLabels,
            PrintStream out)
            throws IOException {
        List<Row> rows = rows(results, testLabels, heldOutLabels);
        RunSettings first = results.get(0).settings();
        String heading =
                String.format(
                        Locale.ROOT,
                        "%s, %d epochs, batch %d, seed %d",
                        title,
                        first.epochs(),
                        first.batchSize(),
                        first.seed());
        MarkdownTable table = writeComparison(folder, heading, rows, results);
        out.println();
        out.println(heading);
        out.println(table.render());
        out.println("Files in " + folder);
        return rows;
    }

    /**
     * Writes the comparison: {@code comparison.md}, the bar chart {@code comparison.png}, the
     * reliability diagram {@code reliability.png} and the test accuracy per epoch {@code
     * accuracy.png}.
     *
     * @param folder the output folder
     * @param title what was compared, for titles and the table's heading
     * @param rows the figures
     * @param results the runs
     * @return the Markdown table
     * @throws IOException if a file cannot be written
     */
    public static MarkdownTable writeComparison(
            Path folder, String title, List<Row> rows, List<RunResult> results) throws IOException {
        MarkdownTable table = table(rows);
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve("comparison.md"),
                "# " + title + System.lineSeparator() + System.lineSeparator() + table.render());

        List<String> methods = new ArrayList<>();
        Map<String, double[]> metrics = new LinkedHashMap<>();
        double[][] columns = new double[4][rows.size()];
        Map<String, ReliabilityDiagram> diagrams = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            methods.add(row.method().cliName());
            columns[0][i] = row.accuracy();
            columns[1][i] = row.nll();
            columns[2][i] = row.ece();
            columns[3][i] = row.scaledEce();
            diagrams.put(row.method().cliName(), row.reliability());
        }
        metrics.put("test accuracy", columns[0]);
        metrics.put("test NLL", columns[1]);
        metrics.put("test ECE", columns[2]);
        metrics.put("ECE after temperature scaling", columns[3]);
        ComparisonPlot.save(folder.resolve("comparison.png"), title, methods, metrics);
        ReliabilityPlot.save(
                folder.resolve("reliability.png"), "Reliability on the test set", diagrams);

        Map<String, double[]> accuracy = new LinkedHashMap<>();
        for (RunResult result : results) {
            accuracy.put(
                    result.settings().method().cliName(),
                    result.epochs().stream().mapToDouble(EpochMetrics::testAccuracy).toArray());
        }
        TrainingCurvesPlot.saveSeries(
                folder.resolve("accuracy.png"),
                "Test accuracy per epoch",
                "test accuracy",
                accuracy);
        return table;
    }
}
