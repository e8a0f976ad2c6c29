package io.github.manifoldmixup.samples.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Bars that compare methods on a few test metrics, such as accuracy, NLL and ECE, written as PNG.
 *
 * <p>The metrics live on different scales, so each gets its own panel, side by side; in each panel
 * every method has one bar, named under it and in a fixed colour per method, with the value printed
 * on the bar. AWT is switched to headless mode unless the application chose a mode.
 */
public final class ComparisonPlot {

    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 440;

    private ComparisonPlot() {}

    /**
     * Draws one panel per metric with one bar per method.
     *
     * @param file the PNG file to write; its parent folder is created if missing
     * @param title the title above the panels
     * @param methods the method names, in the order of the bars, at least one
     * @param valuesByMetric per metric name (the panel's title, such as {@code "test accuracy"})
     *     one value per method; panels follow the map's iteration order, so pass a {@code
     *     LinkedHashMap}; a NaN value draws no bar
     * @throws IllegalArgumentException if there is no method or metric, or a metric has not one
     *     value per method
     * @throws IOException if the file cannot be written
     */
    public static void save(
            Path file, String title, List<String> methods, Map<String, double[]> valuesByMetric)
            throws IOException {
        if (methods.isEmpty() || valuesByMetric.isEmpty()) {
            throw new IllegalArgumentException(
                    "expected at least one method and one metric, found "
                            + methods.size()
                            + " methods and "
                            + valuesByMetric.size()
                            + " metrics");
        }
        valuesByMetric.forEach(
                (metric, values) -> {
                    if (values.length != methods.size()) {
                        throw new IllegalArgumentException(
                                "expected one value of "
                                        + metric
                                        + " per method "
                                        + methods
                                        + ", found "
                                        + values.length);
                    }
                });

        List<CategoryChart> panels = new ArrayList<>();
        valuesByMetric.forEach((metric, values) -> panels.add(panel(metric, methods, values)));
        Charts.savePanels(file, title, panels, panels.size());
    }

    private static CategoryChart panel(String metric, List<String> methods, double[] values) {
        Charts.headless();
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(PANEL_WIDTH)
                        .height(PANEL_HEIGHT)
                        .title(metric)
                        .yAxisTitle(metric)
                        .build();
        Charts.styleAxes(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisLabelRotation(methods.size() > 3 ? 30 : 0);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsPosition(0.98);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.BLACK);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(axisMax(values));
        DecimalFormat format =
                new DecimalFormat(pattern(values), DecimalFormatSymbols.getInstance(Locale.ROOT));
        chart.setCustomYAxisTickLabelsFormatter(format::format);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        // One series per method, holding a value only under its own name: the bars stand at the
        // method names on the axis and keep their colours.
        for (int m = 0; m < methods.size(); m++) {
            Number[] bars = new Number[methods.size()];
            bars[m] = Double.isNaN(values[m]) ? null : values[m];
            chart.addSeries(methods.get(m), methods, Arrays.asList(bars));
        }
        return chart;
    }

    /** Leaves room above the tallest bar for its label. */
    private static double axisMax(double[] values) {
        double max = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                max = Math.max(max, value);
            }
        }
        return max > 0 ? max * 1.15 : 1;
    }

    /**
     * Chooses the decimals of the bar labels and the axis ticks, which XChart formats alike: three
     * below 1, two below 100, else one.
     */
    private static String pattern(double[] values) {
        double max = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                max = Math.max(max, Math.abs(value));
            }
        }
        return max >= 100 ? "0.0" : max >= 1 ? "0.00" : "0.000";
    }
}
