package io.github.manifoldmixup.samples.plot;

import io.github.manifoldmixup.samples.metrics.ReliabilityBin;
import io.github.manifoldmixup.samples.metrics.ReliabilityDiagram;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A reliability diagram of several methods in one chart, written as PNG: per confidence bin, the
 * accuracy against the mean confidence, with the diagonal of perfect calibration.
 *
 * <p>A point below the diagonal is a bin where the model is over-confident. Empty bins are left
 * out. Each method's legend entry shows its expected calibration error. AWT is switched to headless
 * mode unless the application chose a mode.
 */
public final class ReliabilityPlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 600;

    private ReliabilityPlot() {}

    /**
     * Draws the reliability diagrams of several methods.
     *
     * @param file the PNG file to write; its parent folder is created if missing
     * @param title the chart's title
     * @param diagramsByMethod one diagram per method name; drawn in the map's iteration order, so
     *     pass a {@code LinkedHashMap} to choose the order and colours
     * @throws IllegalArgumentException if there is no diagram
     * @throws IOException if the file cannot be written
     */
    public static void save(
            Path file, String title, Map<String, ReliabilityDiagram> diagramsByMethod)
            throws IOException {
        if (diagramsByMethod.isEmpty()) {
            throw new IllegalArgumentException("diagramsByMethod must hold at least one diagram");
        }
        Charts.headless();
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle("confidence (mean per bin)")
                        .yAxisTitle("accuracy")
                        .build();
        Charts.styleAxes(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.0");

        XYSeries diagonal =
                chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        diagonal.setLineStyle(
                new BasicStroke(
                        1.5f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        10f,
                        new float[] {6f, 4f},
                        0f));

        int index = 0;
        for (Map.Entry<String, ReliabilityDiagram> entry : diagramsByMethod.entrySet()) {
            addMethod(chart, entry.getKey(), entry.getValue(), Charts.color(index++));
        }
        Charts.save(file, chart);
    }

    private static void addMethod(
            XYChart chart, String method, ReliabilityDiagram diagram, Color color) {
        double[] confidence =
                diagram.bins().stream()
                        .filter(bin -> !bin.isEmpty())
                        .mapToDouble(ReliabilityBin::meanConfidence)
                        .toArray();
        double[] accuracy =
                diagram.bins().stream()
                        .filter(bin -> !bin.isEmpty())
                        .mapToDouble(ReliabilityBin::accuracy)
                        .toArray();
        String name =
                String.format(
                        Locale.ROOT, "%s (ECE %.4f)", method, diagram.expectedCalibrationError());
        if (confidence.length == 0) {
            return;
        }
        XYSeries series = chart.addSeries(name, confidence, accuracy);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        series.setLineColor(color);
    }
}
