package io.github.manifoldmixup.samples.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** What the plots share: headless mode, fonts, colours, and writing panels to one PNG. */
final class Charts {

    /** Colours that stay distinct for colour-blind readers (Okabe and Ito), strong then light. */
    static final Color[] PALETTE = {
        new Color(0x0072B2),
        new Color(0xE69F00),
        new Color(0x009E73),
        new Color(0xD55E00),
        new Color(0xCC79A7),
        new Color(0x56B4E9),
        new Color(0x8C6D00),
        new Color(0x000000),
    };

    private static final int TITLE_BAND = 44;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);

    private Charts() {}

    /**
     * Switches AWT to headless mode unless the application chose a mode itself; must run before the
     * first drawing.
     */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Returns the colour of series or class {@code index}, cycling through the palette. */
    static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** Returns a colour mixed with white: {@code amount} 0 keeps it, 1 gives white. */
    static Color lighter(Color color, double amount) {
        return new Color(
                mix(color.getRed(), amount),
                mix(color.getGreen(), amount),
                mix(color.getBlue(), amount));
    }

    private static int mix(int channel, double amount) {
        return (int) Math.round(channel + (255 - channel) * amount);
    }

    /** Applies the fonts and colours every chart of this package uses. */
    static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
        styler.setChartPadding(12);
    }

    /** Applies the axis fonts and grid of this package's charts with axes. */
    static void styleAxes(AxesChartStyler styler) {
        style(styler);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setPlotGridLinesColor(new Color(0xE0E0E0));
        styler.setPlotBorderColor(Color.GRAY);
    }

    /**
     * Draws panels in a grid under a title band and writes the image as PNG, creating the parent
     * folder if needed; every panel keeps its own width and height, which should be equal.
     */
    static void savePanels(Path file, String title, List<? extends Chart<?, ?>> panels, int columns)
            throws IOException {
        int rows = (panels.size() + columns - 1) / columns;
        int panelWidth = panels.get(0).getWidth();
        int panelHeight = panels.get(0).getHeight();
        int band = title == null || title.isEmpty() ? 0 : TITLE_BAND;
        BufferedImage image =
                new BufferedImage(
                        columns * panelWidth,
                        band + rows * panelHeight,
                        BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            if (band > 0) {
                g.setColor(Color.BLACK);
                g.setFont(TITLE_FONT);
                FontMetrics metrics = g.getFontMetrics();
                int x = (image.getWidth() - metrics.stringWidth(title)) / 2;
                int y = (band + metrics.getAscent() - metrics.getDescent()) / 2;
                g.drawString(title, Math.max(8, x), y);
            }
            for (int i = 0; i < panels.size(); i++) {
                Graphics2D panel =
                        (Graphics2D)
                                g.create(
                                        (i % columns) * panelWidth,
                                        band + (i / columns) * panelHeight,
                                        panelWidth,
                                        panelHeight);
                try {
                    panels.get(i).paint(panel, panelWidth, panelHeight);
                } finally {
                    panel.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        write(image, file);
    }

    /** Draws one chart and writes it as PNG, creating the parent folder if needed. */
    static void save(Path file, Chart<?, ?> chart) throws IOException {
        savePanels(file, null, List.of(chart), 1);
    }

    /** Paints a chart once off-screen so that its axes are laid out. */
    static void layOut(Chart<?, ?> chart) {
        BufferedImage scratch =
                new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(file + ": expected a PNG writer in ImageIO, found none");
            }
        }
    }
}
