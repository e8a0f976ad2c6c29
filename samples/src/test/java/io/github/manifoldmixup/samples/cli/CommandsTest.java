package io.github.manifoldmixup.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.manifoldmixup.samples.MixupSamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandsTest {

    @TempDir Path out;

    private int run(StringWriter err, String... args) {
        return MixupSamples.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"cnn, manifold", "resnet, dynamic-manifold", "custom, output", "cnn, none"})
    void train_tinyBudgetWritesMetricsAndCurves(String model, String method) throws IOException {
        StringWriter err = new StringWriter();

        int status =
                run(
                        err,
                        "train",
                        "--model",
                        model,
                        "--method",
                        method,
                        "--train-size",
                        "200",
                        "--test-size",
                        "100",
                        "--epochs",
                        "1",
                        "--batch-size",
                        "50",
                        "--quiet",
                        "--out",
                        out.toString());

        assertEquals(0, status, err.toString());
        List<String> csv = Files.readAllLines(out.resolve(method).resolve("metrics.csv"));
        assertEquals(2, csv.size(), "header and one epoch: " + csv);
        assertTrue(csv.get(0).startsWith("epoch,train_loss,train_accuracy"), csv.get(0));
        assertPng(out.resolve(method).resolve("curves.png"));
    }

    @Test
    void compare_tinyBudgetWritesTableAndCharts() throws IOException {
        StringWriter err = new StringWriter();

        int status =
                run(
                        err,
                        "compare",
                        "--methods",
                        "none,manifold,dynamic-output",
                        "--train-size",
                        "300",
                        "--test-size",
                        "100",
                        "--epochs",
                        "1",
                        "--batch-size",
                        "50",
                        "--quiet",
                        "--out",
                        out.toString());

        assertEquals(0, status, err.toString());
        List<String> table = Files.readAllLines(out.resolve("comparison.md"));
        assertTrue(table.get(0).startsWith("# cnn on embedded"), table.get(0));
        assertTrue(table.stream().anyMatch(l -> l.startsWith("| none ")), String.join("\n", table));
        assertTrue(table.stream().anyMatch(l -> l.startsWith("| manifold ")));
        assertTrue(table.stream().anyMatch(l -> l.startsWith("| dynamic-output ")));
        for (String picture : List.of("comparison.png", "reliability.png", "accuracy.png")) {
            assertPng(out.resolve(picture));
        }
        for (String method : List.of("none", "manifold", "dynamic-output")) {
            assertTrue(Files.exists(out.resolve(method).resolve("metrics.csv")), method);
        }
    }

    @Test
    void spirals_tinyBudgetWritesDecisionRegions() throws IOException {
        StringWriter err = new StringWriter();

        int status =
                run(
                        err,
                        "spirals",
                        "--points",
                        "60",
                        "--epochs",
                        "2",
                        "--resolution",
                        "30",
                        "--out",
                        out.toString());

        assertEquals(0, status, err.toString());
        assertPng(out.resolve("spirals.png"));
        List<String> table = Files.readAllLines(out.resolve("comparison.md"));
        assertTrue(table.stream().anyMatch(l -> l.startsWith("| manifold ")), table.toString());
    }

    @Test
    void benchmarks_runOnATinyBudget() {
        StringWriter err = new StringWriter();

        assertEquals(
                0,
                run(err, "bench", "--steps", "2", "--warmup", "1", "--train-size", "300"),
                err.toString());
        assertEquals(
                0,
                run(err, "blend", "--forward-rounds", "2", "--backward-rounds", "1"),
                err.toString());
    }

    @Test
    void train_unknownMethodIsAClearError() {
        StringWriter err = new StringWriter();

        int status = run(err, "train", "--method", "mixmax", "--out", out.toString());

        assertEquals(2, status);
        assertTrue(err.toString().contains("unknown method 'mixmax'"), err.toString());
        assertTrue(err.toString().contains("dynamic-manifold"), err.toString());
    }

    @Test
    void train_missingDataFolderNamesTheFile() {
        StringWriter err = new StringWriter();
        Path missing = out.resolve("nowhere");

        int status = run(err, "train", "--data", missing.toString(), "--out", out.toString());

        assertEquals(2, status);
        assertTrue(err.toString().contains("nowhere"), err.toString());
    }

    private static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, file + " has " + bytes.length + " bytes");
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertEquals('N', bytes[2]);
        assertEquals('G', bytes[3]);
    }
}
