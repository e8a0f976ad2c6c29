package io.github.manifoldmixup.samples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.manifoldmixup.samples.data.HostSplit;
import io.github.manifoldmixup.samples.data.Spirals;
import io.github.manifoldmixup.samples.metrics.ClassificationMetrics;
import io.github.manifoldmixup.samples.metrics.ReliabilityDiagram;
import io.github.manifoldmixup.samples.report.EpochMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PlotsTest {

    /** Where the PNGs go, so that a person can look at them after the build. */
    private static final Path OUT = Path.of("target", "plots");

    @Test
    void trainingCurves_writesTwoPanelPng() throws IOException {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 1; e <= 12; e++) {
            epochs.add(
                    new EpochMetrics(
                            e,
                            1.2 / Math.sqrt(e),
                            0.6 + 0.3 * (1 - Math.exp(-e / 3.0)),
                            0.58 + 0.28 * (1 - Math.exp(-e / 3.5)),
                            e == 4 ? Double.NaN : 1.25 / Math.sqrt(e) + 0.02 * e,
                            3.5));
        }
        Path file = OUT.resolve("training-curves.png");

        TrainingCurvesPlot.save(file, "manifold mixup, alpha 2.0", epochs);

        BufferedImage image = read(file);
        assertEquals(1200, image.getWidth());
        assertTrue(image.getHeight() > 420, "title band above the panels");
    }

    @Test
    void trainingCurvesFromArrays_skipsMissingValidation() throws IOException {
        Path file = OUT.resolve("training-curves-no-validation.png");

        TrainingCurvesPlot.save(
                file,
                "plain, 3 epochs",
                new double[] {0.9, 0.6, 0.5},
                null,
                new double[] {0.7, 0.8, 0.85},
                new double[0]);

        assertEquals(1200, read(file).getWidth());
    }

    @Test
    void seriesOverlay_writesOneChart() throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("plain", new double[] {0.80, 0.84, 0.86, 0.865, 0.87});
        series.put("input mixup", new double[] {0.78, 0.83, 0.86, 0.87, 0.875});
        series.put("manifold mixup", new double[] {0.77, 0.83, 0.865, 0.875, 0.885});
        Path file = OUT.resolve("validation-accuracy.png");

        TrainingCurvesPlot.saveSeries(file, "Validation accuracy", "validation accuracy", series);

        assertTrue(read(file).getWidth() > 600);
    }

    @Test
    void comparison_writesOnePanelPerMetric() throws IOException {
        Map<String, double[]> metrics = new LinkedHashMap<>();
        metrics.put("test accuracy", new double[] {0.8712, 0.8804, 0.8851});
        metrics.put("test NLL", new double[] {0.3901, 0.3377, 0.3190});
        metrics.put("test ECE", new double[] {0.0512, 0.0231, Double.NaN});
        Path file = OUT.resolve("comparison.png");

        ComparisonPlot.save(
                file,
                "Fashion-MNIST, 10 epochs",
                List.of("plain", "input mixup", "manifold mixup"),
                metrics);

        assertEquals(3 * 420, read(file).getWidth());
    }

    @Test
    void comparison_rejectsMetricWithWrongValueCount() {
        Map<String, double[]> metrics = Map.of("test accuracy", new double[] {0.9});

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ComparisonPlot.save(
                                        OUT.resolve("never.png"), "t", List.of("a", "b"), metrics));

        assertTrue(e.getMessage().contains("test accuracy"), e.getMessage());
    }

    @Test
    void reliability_writesDiagramWithSeveralMethods() throws IOException {
        Map<String, ReliabilityDiagram> diagrams = new LinkedHashMap<>();
        diagrams.put("plain", syntheticDiagram(3.0, 1));
        diagrams.put("manifold mixup", syntheticDiagram(1.2, 2));
        Path file = OUT.resolve("reliability.png");

        ReliabilityPlot.save(file, "Reliability on the test set", diagrams);

        BufferedImage image = read(file);
        assertEquals(640, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void decisionRegions_paintsPredictedClassUnderEachCell() throws IOException {
        HostSplit spirals = Spirals.generate(150, 0.05, 7);
        RegionGrid grid = RegionGrid.around(spirals, 120, 0.1);
        float[] points = grid.points();
        int[] byHalfPlane = new int[grid.pointCount()];
        int[] byAngle = new int[grid.pointCount()];
        for (int i = 0; i < grid.pointCount(); i++) {
            byHalfPlane[i] = points[2 * i] < 0 ? 0 : 1;
            double angle = Math.atan2(points[2 * i + 1], points[2 * i]);
            double radius = Math.hypot(points[2 * i], points[2 * i + 1]);
            long halfTurns = Math.round((angle - 3 * Math.PI * radius) / Math.PI);
            byAngle[i] = (int) Math.floorMod(halfTurns, 2L);
        }
        Map<String, int[]> methods = new LinkedHashMap<>();
        methods.put("half planes", byHalfPlane);
        methods.put("spiral-shaped", byAngle);
        Path file = OUT.resolve("decision-regions.png");

        DecisionRegionPlot.save(file, "Two spirals", grid, methods, spirals);

        BufferedImage image = read(file);
        assertEquals(2 * 520, image.getWidth());
        // Near the left edge of the first panel's plot area, half way up, lies class 0's region:
        // a light blue, whose blue channel is the largest.
        int rgb = findPlotPixel(image, 0, image.getWidth() / 2);
        int red = (rgb >> 16) & 0xff;
        int blue = rgb & 0xff;
        assertTrue(
                blue > red + 40, "expected a light blue cell, found #" + Integer.toHexString(rgb));
    }

    @Test
    void decisionRegions_rejectsClassesOfWrongLength() {
        HostSplit spirals = Spirals.generate(10, 0.0, 1);
        RegionGrid grid = RegionGrid.around(spirals, 10, 0.1);

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                DecisionRegionPlot.save(
                                        OUT.resolve("never.png"), "t", grid, new int[99], spirals));

        assertTrue(e.getMessage().contains("100"), e.getMessage());
    }

    @Test
    void regionGrid_listsCellCentresBottomRowFirst() {
        RegionGrid grid = new RegionGrid(0, 4, 10, 12, 2);

        float[] points = grid.points();

        // Cells are 2 wide and 1 high; centres at x = 1, 3 and y = 10.5, 11.5.
        assertEquals(8, points.length);
        assertEquals(1f, points[0]);
        assertEquals(10.5f, points[1]);
        assertEquals(3f, points[2]);
        assertEquals(10.5f, points[3]);
        assertEquals(1f, points[4]);
        assertEquals(11.5f, points[5]);
    }

    /** Logits whose confidence a temperature below 1 inflates, with labels drawn to match. */
    private static ReliabilityDiagram syntheticDiagram(double sharpening, long seed) {
        Random random = new Random(seed);
        int n = 3000;
        int classes = 5;
        double[] logits = new double[n * classes];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[classes];
            for (int k = 0; k < classes; k++) {
                z[k] = 1.5 * random.nextGaussian();
            }
            double[] p = ClassificationMetrics.softmax(z, classes);
            double u = random.nextDouble();
            int label = classes - 1;
            for (int k = 0; k < classes; k++) {
                u -= p[k];
                if (u < 0) {
                    label = k;
                    break;
                }
            }
            labels[i] = label;
            for (int k = 0; k < classes; k++) {
                logits[i * classes + k] = sharpening * z[k];
            }
        }
        return ClassificationMetrics.reliability(logits, labels);
    }

    /** Returns the first non-white, non-grey pixel on a row, scanning right from the left edge. */
    private static int findPlotPixel(BufferedImage image, int fromX, int toX) {
        int y = image.getHeight() / 2;
        for (int x = fromX; x < toX; x++) {
            int rgb = image.getRGB(x, y) & 0xffffff;
            int r = (rgb >> 16) & 0xff;
            int g = (rgb >> 8) & 0xff;
            int b = rgb & 0xff;
            if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 30) {
                return rgb;
            }
        }
        throw new AssertionError("no coloured pixel on row " + y);
    }

    private static BufferedImage read(Path file) throws IOException {
        assertTrue(Files.size(file) > 1000, file + " is too small to hold a chart");
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null, file + " is not a readable PNG");
        return image;
    }
}
