package io.github.manifoldmixup.samples.plot;

import io.github.manifoldmixup.samples.data.HostSplit;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The decision regions of 2-D classifiers, written as PNG: the cells of a {@link RegionGrid} filled
 * in a light colour of the class predicted at their centre, with the data points on top in the
 * strong colour of their true class.
 *
 * <p>Several classifiers, such as the same network trained with and without mixup, are drawn as
 * panels side by side over the same grid and points. AWT is switched to headless mode unless the
 * application chose a mode.
 */
public final class DecisionRegionPlot {

    private static final int PANEL_SIZE = 520;
    private static final double REGION_LIGHTNESS = 0.65;

    private DecisionRegionPlot() {}

    /**
     * Draws the decision regions of one classifier.
     *
     * @param file the PNG file to write; its parent folder is created if missing
     * @param title the chart's title
     * @param grid the grid the classes were predicted on
     * @param gridClasses the class predicted at each cell centre, in the order of {@link
     *     RegionGrid#points()}
     * @param data the points to draw on top, with sample shape (2)
     * @throws IllegalArgumentException if the sizes do not fit together
     * @throws IOException if the file cannot be written
     */
    public static void save(
            Path file, String title, RegionGrid grid, int[] gridClasses, HostSplit data)
            throws IOException {
        checkSizes(grid, gridClasses, data, title);
        Charts.savePanels(file, null, List.of(panel(title, grid, gridClasses, data)), 1);
    }

    /**
     * Draws the decision regions of several classifiers side by side, one panel each.
     *
     * @param file the PNG file to write; its parent folder is created if missing
     * @param title the title above the panels
     * @param grid the grid the classes were predicted on
     * @param gridClassesByMethod per method name (the panel's title), the class predicted at each
     *     cell centre in the order of {@link RegionGrid#points()}; panels follow the map's
     *     iteration order, so pass a {@code LinkedHashMap}
     * @param data the points to draw on top, with sample shape (2)
     * @throws IllegalArgumentException if there is no method or the sizes do not fit together
     * @throws IOException if the file cannot be written
     */
    public static void save(
            Path file,
            String title,
            RegionGrid grid,
            Map<String, int[]> gridClassesByMethod,
            HostSplit data)
            throws IOException {
        if (gridClassesByMethod.isEmpty()) {
            throw new IllegalArgumentException("gridClassesByMethod must hold at least one method");
        }
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : gridClassesByMethod.entrySet()) {
            checkSizes(grid, entry.getValue(), data, entry.getKey());
            panels.add(panel(entry.getKey(), grid, entry.getValue(), data));
        }
        Charts.savePanels(file, title, panels, panels.size());
    }

    private static void checkSizes(
            RegionGrid grid, int[] gridClasses, HostSplit data, String name) {
        if (gridClasses.length != grid.pointCount()) {
            throw new IllegalArgumentException(
                    name
                            + ": expected one class per grid cell ("
                            + grid.pointCount()
                            + "), found "
                            + gridClasses.length);
        }
        if (data.featuresPerSample() != 2) {
            throw new IllegalArgumentException(
                    "expected points with 2 features, found sample shape " + data.sampleShape());
        }
        for (int i = 0; i < gridClasses.length; i++) {
            if (gridClasses[i] < 0 || gridClasses[i] >= data.classCount()) {
                throw new IllegalArgumentException(
                        name
                                + ": expected grid classes in [0, "
                                + data.classCount()
                                + "), found "
                                + gridClasses[i]
                                + " at cell "
                                + i);
            }
        }
    }

    private static XYChart panel(String title, RegionGrid grid, int[] gridClasses, HostSplit data) {
        Charts.headless();
        XYChart chart =
                new XYChartBuilder()
                        .width(PANEL_SIZE)
                        .height(PANEL_SIZE + 30)
                        .title(title)
                        .xAxisTitle("x")
                        .yAxisTitle("y")
                        .build();
        Charts.styleAxes(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisMin(grid.xMin());
        chart.getStyler().setXAxisMax(grid.xMax());
        chart.getStyler().setYAxisMin(grid.yMin());
        chart.getStyler().setYAxisMax(grid.yMax());
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.0");

        CellMarker cell = new CellMarker();
        for (int c = 0; c < data.classCount(); c++) {
            addCells(chart, grid, gridClasses, c, cell);
        }
        for (int c = 0; c < data.classCount(); c++) {
            addPoints(chart, data, c);
        }

        Charts.layOut(chart);
        double width =
                Math.abs(
                        chart.getScreenXFromChart(grid.x(1))
                                - chart.getScreenXFromChart(grid.x(0)));
        double height =
                Math.abs(
                        chart.getScreenYFromChart(grid.y(1))
                                - chart.getScreenYFromChart(grid.y(0)));
        cell.setSize(width, height);
        return chart;
    }

    private static void addCells(
            XYChart chart, RegionGrid grid, int[] gridClasses, int label, CellMarker cell) {
        int count = 0;
        for (int predicted : gridClasses) {
            count += predicted == label ? 1 : 0;
        }
        if (count == 0) {
            return;
        }
        double[] x = new double[count];
        double[] y = new double[count];
        int filled = 0;
        for (int i = 0; i < gridClasses.length; i++) {
            if (gridClasses[i] == label) {
                x[filled] = grid.x(i % grid.resolution());
                y[filled++] = grid.y(i / grid.resolution());
            }
        }
        XYSeries series = chart.addSeries("region " + label, x, y);
        series.setMarker(cell);
        series.setMarkerColor(Charts.lighter(Charts.color(label), REGION_LIGHTNESS));
        series.setShowInLegend(false);
    }

    private static void addPoints(XYChart chart, HostSplit data, int label) {
        int count = data.classCounts()[label];
        if (count == 0) {
            return;
        }
        double[] x = new double[count];
        double[] y = new double[count];
        int filled = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) == label) {
                x[filled] = data.feature(i, 0);
                y[filled++] = data.feature(i, 1);
            }
        }
        XYSeries series = chart.addSeries("class " + label, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(Charts.color(label));
    }

    /** A filled rectangle the size of one grid cell, slightly enlarged so cells leave no seams. */
    private static final class CellMarker extends Marker {
        private double width = 4;
        private double height = 4;

        void setSize(double width, double height) {
            this.width = width + 1;
            this.height = height + 1;
        }

        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            g.fill(
                    new Rectangle2D.Double(
                            xOffset - width / 2, yOffset - height / 2, width, height));
        }
    }
}
