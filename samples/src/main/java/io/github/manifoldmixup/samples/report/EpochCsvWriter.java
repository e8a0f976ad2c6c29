package io.github.manifoldmixup.samples.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes per-epoch metrics as CSV: a header, then one row per epoch, flushed as it is written so
 * that a run in progress can be watched.
 *
 * <p>The columns are {@value #HEADER}, then any extra columns the caller names, such as {@code
 * alpha} for a run whose mixing strength changes. Numbers have at most six significant digits and
 * use a dot as the decimal separator whatever the locale; a NaN leaves its cell empty. Lines end
 * with {@code \n}.
 *
 * <pre>{@code
 * try (EpochCsvWriter csv = EpochCsvWriter.open(dir.resolve("epochs.csv"))) {
 *     for (...) {
 *         csv.write(new EpochMetrics(epoch, loss, accuracy, testAccuracy, testLoss, s));
 *     }
 * }
 * }</pre>
 */
public final class EpochCsvWriter implements Closeable {

    /** The fixed columns, in order. */
    public static final String HEADER =
            "epoch,train_loss,train_accuracy,test_accuracy,test_loss,seconds";

    private final BufferedWriter out;
    private final int extraColumnCount;

    private EpochCsvWriter(BufferedWriter out, int extraColumnCount) {
        this.out = out;
        this.extraColumnCount = extraColumnCount;
    }

    /**
     * Creates or replaces a CSV file and writes its header.
     *
     * @param file the file to write; its parent folder is created if missing
     * @param extraColumns the names of columns after the fixed ones, each made of letters, digits
     *     and underscores
     * @return the writer, to be closed by the caller
     * @throws IllegalArgumentException if an extra column name is not such a word
     * @throws IOException if the file cannot be written
     */
    public static EpochCsvWriter open(Path file, String... extraColumns) throws IOException {
        for (String column : extraColumns) {
            if (column == null || !column.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException(
                        "extra column names must be words of letters, digits and underscores,"
                                + " found "
                                + column);
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        EpochCsvWriter writer = new EpochCsvWriter(out, extraColumns.length);
        List<String> header = new ArrayList<>(List.of(HEADER));
        header.addAll(List.of(extraColumns));
        writer.writeLine(String.join(",", header));
        return writer;
    }

    /**
     * Writes a whole file at once.
     *
     * @param file the file to write; its parent folder is created if missing
     * @param epochs the rows, in order
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<EpochMetrics> epochs) throws IOException {
        try (EpochCsvWriter writer = open(file)) {
            for (EpochMetrics epoch : epochs) {
                writer.write(epoch);
            }
        }
    }

    /**
     * Returns the CSV text of the given rows, header included.
     *
     * @param epochs the rows, in order
     * @return the text, each line ending with {@code \n}
     */
    public static String toCsv(List<EpochMetrics> epochs) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (EpochMetrics epoch : epochs) {
            text.append(row(epoch, new double[0])).append('\n');
        }
        return text.toString();
    }

    /**
     * Writes one row and flushes it.
     *
     * @param epoch the epoch's metrics
     * @param extras the values of the extra columns, as many as were named at {@link #open(Path,
     *     String...)}
     * @throws IllegalArgumentException if the number of extra values differs from the number of
     *     extra columns
     * @throws IOException if the row cannot be written
     */
    public void write(EpochMetrics epoch, double... extras) throws IOException {
        Objects.requireNonNull(epoch, "epoch");
        if (extras.length != extraColumnCount) {
            throw new IllegalArgumentException(
                    "expected "
                            + extraColumnCount
                            + " extra values, one per extra column, found "
                            + extras.length);
        }
        writeLine(row(epoch, extras));
    }

    /**
     * Closes the file.
     *
     * @throws IOException if the file cannot be closed
     */
    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writeLine(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }

    private static String row(EpochMetrics epoch, double[] extras) {
        StringBuilder row = new StringBuilder().append(epoch.epoch());
        double[] values = {
            epoch.trainLoss(),
            epoch.trainAccuracy(),
            epoch.testAccuracy(),
            epoch.testLoss(),
            epoch.seconds()
        };
        for (double value : values) {
            row.append(',').append(Numbers.significant(value));
        }
        for (double value : extras) {
            row.append(',').append(Numbers.significant(value));
        }
        return row.toString();
    }
}
