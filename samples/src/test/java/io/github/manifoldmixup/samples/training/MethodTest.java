package io.github.manifoldmixup.samples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.manifoldmixup.runtime.DynamicManifoldMixup;
import io.github.manifoldmixup.runtime.ManifoldMixup;
import io.github.manifoldmixup.runtime.OutputMixup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MethodTest {

    private static final RunSettings SETTINGS =
            new RunSettings(Method.MANIFOLD, 0.4, 0.6, 3, 32, 0.001, 1);

    @Test
    void fromCliName_roundTripsEveryMethod() {
        for (Method method : Method.values()) {
            assertEquals(method, Method.fromCliName(method.cliName()));
        }
        assertEquals(Method.DYNAMIC_OUTPUT, Method.fromCliName(" Dynamic-Output "));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Method.fromCliName("mix"));
        assertTrue(e.getMessage().contains("none, input, manifold"), e.getMessage());
    }

    @Test
    void listener_matchesTheMethod() {
        assertNull(Method.NONE.listener(SETTINGS));
        assertTrue(Method.INPUT.listener(SETTINGS) instanceof ManifoldMixup);
        assertTrue(Method.MANIFOLD.listener(SETTINGS) instanceof ManifoldMixup);
        assertTrue(Method.OUTPUT.listener(SETTINGS) instanceof OutputMixup);
        assertTrue(Method.DYNAMIC_MANIFOLD.listener(SETTINGS) instanceof DynamicManifoldMixup);
    }

    @Test
    void settings_badValuesAreNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new RunSettings(Method.NONE, -1, 0.6, 1, 1, 0.1, 0));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new RunSettings(Method.NONE, 0.4, 0.6, 0, 1, 0.1, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RunSettings(Method.NONE, 0.4, 0.6, 1, 1, 0, 0));
    }

    @Test
    void progressBar_quietPrintsOnlySummaries() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar =
                new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        bar.update("epoch 1/1", 5, 10);
        bar.finish("epoch 1/1", "loss 0.5");

        assertEquals(
                "epoch 1/1 loss 0.5" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void progressBar_drawsThenEndsWithSummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar =
                new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        bar.update("e", 15, 30);
        bar.finish("e", "done");

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\re [###############---------------] 15/30"), text);
        assertTrue(text.contains("\re done"), text);
    }
}
