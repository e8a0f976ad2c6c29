package io.github.manifoldmixup.samples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochCsvWriterTest {

    @TempDir Path dir;

    @Test
    void write_givesHeaderAndOneRowPerEpoch() throws IOException {
        Path file = dir.resolve("runs/plain/epochs.csv");

        EpochCsvWriter.write(
                file,
                List.of(
                        new EpochMetrics(1, 0.693147, 0.75, 0.5, 0.8123456789, 12.3456),
                        new EpochMetrics(2, 0.25, 1.0, 0.875, Double.NaN, 0.0000012)));

        assertEquals(
                "epoch,train_loss,train_accuracy,test_accuracy,test_loss,seconds\n"
                        + "1,0.693147,0.75,0.5,0.812346,12.3456\n"
                        + "2,0.25,1,0.875,,0.0000012\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void rowsAreFlushedAsWrittenWithExtraColumns() throws IOException {
        Path file = dir.resolve("epochs.csv");
        try (EpochCsvWriter csv = EpochCsvWriter.open(file, "alpha")) {
            csv.write(new EpochMetrics(1, 2.0, 0.1, 0.2, 1.9, 3.0), 0.5);

            assertEquals(
                    EpochCsvWriter.HEADER + ",alpha\n1,2,0.1,0.2,1.9,3,0.5\n",
                    Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void numbers_ignoreDefaultLocale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String csv = EpochCsvWriter.toCsv(List.of(new EpochMetrics(3, 1.5, 0.25, 0, 0, 1e10)));

            assertEquals(EpochCsvWriter.HEADER + "\n3,1.5,0.25,0,0,1E+10\n", csv);
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void wrongNumberOfExtras_isRejected() throws IOException {
        try (EpochCsvWriter csv = EpochCsvWriter.open(dir.resolve("e.csv"), "alpha", "site")) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> csv.write(new EpochMetrics(1, 0, 0, 0, 0, 0), 1.0));

            assertEquals("expected 2 extra values, one per extra column, found 1", e.getMessage());
        }
    }

    @Test
    void extraColumnWithComma_isRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> EpochCsvWriter.open(dir.resolve("e.csv"), "a,b"));
    }
}
