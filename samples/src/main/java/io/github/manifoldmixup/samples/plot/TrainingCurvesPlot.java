package io.github.manifoldmixup.samples.plot;

import io.github.manifoldmixup.samples.report.EpochMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Curves of a training run over its epochs, written as PNG.
 *
 * <p>{@link #save(Path, String, List)} draws two panels side by side: the training and test loss,
 * and the training and test accuracy. {@link #saveSeries(Path, String, String, Map)} overlays one
 * quantity of several runs, such as the test accuracy of each method. Epochs are numbered from 1 on
 * the x axis; a NaN value leaves a gap in its curve, and a curve made only of NaN is left out. AWT
 * is switched to headless mode unless the application chose a mode.
 */
public final class TrainingCurvesPlot {

    private static final int PANEL_WIDTH = 600;
    private static final int PANEL_HEIGHT = 420;

    private TrainingCurvesPlot() {}

    /**
     * Draws the loss and accuracy curves of one run.
     *
     * @param file the PNG file to write; its parent folder is created if missing
     * @param title the title above both panels, such as the run's name
     * @param epochs the metrics of each epoch, in order, at least one
     * @throws IllegalArgumentException if there is no epoch
     * @throws IOException if the file cannot be written
     */
    public static void save(Path file, String title, List<EpochMetrics> epochs) throws IOException {
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("epochs must hold at least one epoch, found none");
        }
        double[] x = epochs.stream().mapToDouble(EpochMetrics::epoch).toArray();
        XYChart loss = panel("Loss", "loss");
        addCurve(loss, "training", x, values(epochs, EpochMetrics::trainLoss));
        addCurve(loss, "test", x, values(epochs, EpochMetrics::testLoss));
        XYChart accuracy = panel("Accuracy", "accuracy");
        addCurve(accuracy, "training", x, values(epochs, EpochMetrics::trainAccuracy));
        addCurve(accuracy, "test", x, values(epochs, EpochMetrics::testAccuracy));
        Charts.savePanels(file, title, List.of(loss, accuracy), 2);
    }

    /**
     * Draws the loss and accuracy curves of one run from plain arrays, one value per epoch.
     *
     * @param file the PNG file to write; its parent folder is created if missing
     * @param title the title above both panels, such as the run's name
     * @param trainLoss the training loss per epoch, at least one value
     * @param testLoss the test loss per epoch, or {@code null} or empty for none
     * @param trainAccuracy the training accuracy per epoch, or {@code null} or empty for none
     * @param testAccuracy the test accuracy per epoch, or {@code null} or empty for none
     * @throws IllegalArgumentException if there is no training loss
     * @throws IOException if the file cannot be written
     */
    public static void save(
            Path file,
            String title,
            double[] trainLoss,
            double[] testLoss,
            double[] trainAccuracy,
            double[] testAccuracy)
            throws IOException {
        if (trainLoss == null || trainLoss.length == 0) {
            throw new IllegalArgumentException(
                    "trainLoss must hold at least one epoch, found none");
        }
        XYChart loss = panel("Loss", "loss");
        addCurve(loss, "training", null, trainLoss);
        addCurve(loss, "test", null, testLoss);
        XYChart accuracy = panel("Accuracy", "accuracy");
        addCurve(accuracy, "training", null, trainAccuracy);
        addCurve(accuracy, "test", null, testAccuracy);
        Charts.savePanels(file, title, List.of(loss, accuracy), 2);
    }

    /**
     * Overlays one quantity of several runs, one curve per run.
     *
     * @param file the PNG file to write; its parent folder is created if missing
     * @param title the chart's title
     * @param yAxisTitle what the curves measure, such as {@code "test accuracy"}
     * @param seriesByName one curve per name, one value per epoch; drawn in the map's iteration
     *     order, so pass a {@code LinkedHashMap} to choose the order and colours
     * @throws IllegalArgumentException if there is no curve
     * @throws IOException if the file cannot be written
     */
    public static void saveSeries(
            Path file, String title, String yAxisTitle, Map<String, double[]> seriesByName)
            throws IOException {
        if (seriesByName.isEmpty()) {
            throw new IllegalArgumentException("seriesByName must hold at least one curve");
        }
        XYChart chart = chart(title, yAxisTitle, PANEL_WIDTH + 180, PANEL_HEIGHT + 40);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        seriesByName.forEach((name, values) -> addCurve(chart, name, null, values));
        Charts.save(file, chart);
    }

    private static XYChart panel(String title, String yAxisTitle) {
        return chart(title, yAxisTitle, PANEL_WIDTH, PANEL_HEIGHT);
    }

    private static XYChart chart(String title, String yAxisTitle, int width, int height) {
        Charts.headless();
        XYChart chart =
                new XYChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title)
                        .xAxisTitle("epoch")
                        .yAxisTitle(yAxisTitle)
                        .build();
        Charts.styleAxes(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(6);
        chart.setCustomXAxisTickLabelsFormatter(
                epoch -> epoch == Math.rint(epoch) ? String.valueOf(epoch.longValue()) : "");
        return chart;
    }

    private static void addCurve(XYChart chart, String name, double[] x, double[] y) {
        if (y == null || y.length == 0 || Arrays.stream(y).allMatch(Double::isNaN)) {
            return;
        }
        double[] epochs = x;
        if (epochs == null) {
            epochs = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                epochs[i] = i + 1;
            }
        }
        XYSeries series = chart.addSeries(name, epochs, y);
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    private static double[] values(
            List<EpochMetrics> epochs, ToDoubleFunction<EpochMetrics> metric) {
        return epochs.stream().mapToDouble(metric).toArray();
    }
}
