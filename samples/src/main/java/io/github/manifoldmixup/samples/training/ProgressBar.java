package io.github.manifoldmixup.samples.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar per epoch on a console stream: it redraws in place while the epoch runs
 * and ends with the epoch's summary. A quiet bar prints the summaries only.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean quiet;
    private int lastFilled = -1;
    private int lastLength;

    /**
     * Creates a bar.
     *
     * @param out where to draw
     * @param quiet whether to print the epoch summaries only
     */
    public ProgressBar(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    /**
     * Shows how far an epoch is.
     *
     * @param label what is running, such as {@code manifold epoch 3/10}
     * @param done batches done
     * @param total batches in the epoch, or 0 if unknown
     */
    public void update(String label, long done, long total) {
        if (quiet || total <= 0) {
            return;
        }
        int filled = (int) (WIDTH * done / total);
        if (filled == lastFilled && done != total) {
            return;
        }
        lastFilled = filled;
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "%s [%s] %d/%d", label, bar, done, total);
        lastLength = line.length();
        out.print("\r" + line);
        out.flush();
    }

    /**
     * Ends an epoch with its summary line.
     *
     * @param label what ran
     * @param summary the epoch's figures
     */
    public void finish(String label, String summary) {
        String line = label + " " + summary;
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        out.print((quiet || lastLength == 0 ? "" : "\r") + line + padding + System.lineSeparator());
        out.flush();
        lastFilled = -1;
        lastLength = 0;
    }
}
