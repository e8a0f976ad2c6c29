package io.github.manifoldmixup.samples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownTableTest {

    @TempDir Path dir;

    @Test
    void render_alignsNumbersRightAndTextLeft() {
        MarkdownTable table = MarkdownTable.withColumns("method", "epochs", "accuracy", "ECE");
        table.addRow("plain", 10, 0.87123, 0.05);
        table.addRow("manifold mixup", 10, 0.9, Double.NaN);

        assertEquals(
                "| method         | epochs | accuracy |    ECE |\n"
                        + "| -------------- | -----: | -------: | -----: |\n"
                        + "| plain          |     10 |   0.8712 | 0.0500 |\n"
                        + "| manifold mixup |     10 |   0.9000 |    n/a |\n",
                table.render());
    }

    @Test
    void decimals_canBeChosen() {
        MarkdownTable table = MarkdownTable.withColumns("T").setDecimals(2);
        table.addRow(1.23456f);

        assertEquals("|    T |\n| ---: |\n| 1.23 |\n", table.render());
    }

    @Test
    void pipesInText_areEscaped() {
        MarkdownTable table = MarkdownTable.withColumns("a|b");
        table.addRow("x|y\nz");

        assertEquals("| a\\|b   |\n| ------ |\n| x\\|y z |\n", table.render());
    }

    @Test
    void mixedColumn_isLeftAligned() {
        MarkdownTable table = MarkdownTable.withColumns("value");
        table.addRow(1.5);
        table.addRow("none");

        assertEquals("| value  |\n| ------ |\n| 1.5000 |\n| none   |\n", table.render());
    }

    @Test
    void wrongCellCount_namesColumns() {
        MarkdownTable table = MarkdownTable.withColumns("a", "b");

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> table.addRow("only one"));

        assertEquals("expected 2 cells, one per column [a, b], found 1", e.getMessage());
    }

    @Test
    void write_createsFolderAndFile() throws IOException {
        Path file = dir.resolve("report/comparison.md");
        MarkdownTable table = MarkdownTable.withColumns("n").addRow(3);

        table.write(file);

        assertEquals(table.render(), Files.readString(file));
    }
}
