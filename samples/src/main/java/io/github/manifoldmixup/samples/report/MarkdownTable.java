package io.github.manifoldmixup.samples.report;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Markdown table built row by row, such as the comparison of methods in a report.
 *
 * <p>Cells are strings or numbers. Whole numbers ({@code Integer}, {@code Long}, ...) print as they
 * are; {@code Float}, {@code Double} and {@code BigDecimal} print with a fixed number of decimals,
 * 4 unless {@link #setDecimals(int)} says otherwise, and NaN prints as {@code n/a}. A column whose
 * cells are all numbers is right-aligned, any other column left-aligned. A {@code |} in a text cell
 * is escaped and a line break becomes a space. Cells are padded so that the raw text lines up too.
 *
 * <pre>{@code
 * MarkdownTable table = MarkdownTable.withColumns("method", "test accuracy", "NLL", "ECE");
 * table.addRow("plain", 0.9012, 0.2871, 0.0234);
 * table.addRow("manifold mixup", 0.9105, 0.2650, 0.0121);
 * String markdown = table.render();
 * }</pre>
 *
 * <p>Not safe for use by several threads at once.
 */
public final class MarkdownTable {

    private final List<String> headers;
    private final List<Object[]> rows = new ArrayList<>();
    private int decimals = 4;

    private MarkdownTable(List<String> headers) {
        this.headers = headers;
    }

    /**
     * Starts a table with the given column headers.
     *
     * @param headers the headers, at least one
     * @return an empty table
     * @throws IllegalArgumentException if there is no header
     */
    public static MarkdownTable withColumns(String... headers) {
        return withColumns(Arrays.asList(headers));
    }

    /**
     * Starts a table with the given column headers.
     *
     * @param headers the headers, at least one
     * @return an empty table
     * @throws IllegalArgumentException if there is no header
     */
    public static MarkdownTable withColumns(List<String> headers) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column, found none");
        }
        headers.forEach(header -> Objects.requireNonNull(header, "header"));
        return new MarkdownTable(List.copyOf(headers));
    }

    /**
     * Sets how many decimals fractional numbers get.
     *
     * @param decimals the number of decimals, in [0, 15]
     * @return this table
     * @throws IllegalArgumentException if {@code decimals} is out of range
     */
    public MarkdownTable setDecimals(int decimals) {
        if (decimals < 0 || decimals > 15) {
            throw new IllegalArgumentException("decimals must lie in [0, 15], found " + decimals);
        }
        this.decimals = decimals;
        return this;
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column: a {@code String}, a {@code Number}, or {@code null} for an
     *     empty cell
     * @return this table
     * @throws IllegalArgumentException if the number of cells differs from the number of columns
     */
    public MarkdownTable addRow(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "expected "
                            + headers.size()
                            + " cells, one per column "
                            + headers
                            + ", found "
                            + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    /**
     * Returns the number of rows added.
     *
     * @return the row count, header excluded
     */
    public int rowCount() {
        return rows.size();
    }

    /**
     * Renders the table.
     *
     * @return the header line, the alignment line and one line per row, each ending with {@code \n}
     */
    public String render() {
        int columns = headers.size();
        String[][] text = new String[rows.size()][columns];
        boolean[] numeric = new boolean[columns];
        Arrays.fill(numeric, !rows.isEmpty());
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.max(3, escape(headers.get(c)).length());
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                Object cell = rows.get(r)[c];
                text[r][c] = format(cell);
                numeric[c] &= cell == null || cell instanceof Number;
                widths[c] = Math.max(widths[c], text[r][c].length());
            }
        }

        StringBuilder out = new StringBuilder();
        String[] headerCells = headers.stream().map(MarkdownTable::escape).toArray(String[]::new);
        appendLine(out, headerCells, widths, numeric);
        out.append('|');
        for (int c = 0; c < columns; c++) {
            out.append(' ')
                    .append("-".repeat(widths[c] - (numeric[c] ? 1 : 0)))
                    .append(numeric[c] ? ":" : "")
                    .append(" |");
        }
        out.append('\n');
        for (String[] row : text) {
            appendLine(out, row, widths, numeric);
        }
        return out.toString();
    }

    /**
     * Writes the rendered table to a file, replacing it.
     *
     * @param file the file; its parent folder is created if missing
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return render();
    }

    private String format(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Integer
                || cell instanceof Long
                || cell instanceof Short
                || cell instanceof Byte
                || cell instanceof BigInteger) {
            return cell.toString();
        }
        if (cell instanceof Number number) {
            return Numbers.fixed(number.doubleValue(), decimals);
        }
        return escape(cell.toString());
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replaceAll("\\R", " ");
    }

    private static void appendLine(
            StringBuilder out, String[] cells, int[] widths, boolean[] rightAligned) {
        out.append('|');
        for (int c = 0; c < cells.length; c++) {
            String padding = " ".repeat(widths[c] - cells[c].length());
            out.append(' ');
            if (rightAligned[c]) {
                out.append(padding).append(cells[c]);
            } else {
                out.append(cells[c]).append(padding);
            }
            out.append(" |");
        }
        out.append('\n');
    }
}
