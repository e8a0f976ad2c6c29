package io.github.manifoldmixup.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @TempDir Path dir;

    @Test
    void embedded_holdsBalancedSubsetScaledToUnitRange() throws IOException {
        FashionMnist data = FashionMnist.embedded();

        assertEquals(10_000, data.train().size());
        assertEquals(2_000, data.test().size());
        assertArrayEquals(filled(10, 1000), data.train().classCounts());
        assertArrayEquals(filled(10, 200), data.test().classCounts());
        assertEquals(new Shape(1, 28, 28), data.train().sampleShape());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float value : data.test().features()) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void embedded_startsWithFirstImagesOfOriginalFile() throws IOException {
        // The original training file starts with labels 9, 0, 0, 3, 0, 2, 7, 2, 5, 5; the subset
        // keeps the first 1,000 of each class in file order, so it starts the same way.
        FashionMnist data = FashionMnist.embedded();

        int[] first = new int[10];
        for (int i = 0; i < 10; i++) {
            first[i] = data.train().label(i);
        }

        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, first);
    }

    @Test
    void directory_readsFourFiles() throws IOException {
        writeSet(dir, 20, 5);

        FashionMnist data = FashionMnist.fromDirectory(dir);

        assertEquals(20, data.train().size());
        assertEquals(5, data.test().size());
        assertEquals(1, data.train().label(1));
        assertEquals(7 / 255f, data.train().feature(0, 7));
        assertTrue(data.origin().contains(dir.toString()));
    }

    @Test
    void directoryWithoutTestLabels_namesMissingFile() throws IOException {
        writeSet(dir, 20, 5);
        Files.delete(dir.resolve(FashionMnist.TEST_LABELS));

        NoSuchFileException e =
                assertThrows(NoSuchFileException.class, () -> FashionMnist.fromDirectory(dir));

        assertTrue(e.getMessage().contains(FashionMnist.TEST_LABELS), e.getMessage());
    }

    @Test
    void moreLabelsThanImages_reportsBothCounts() throws IOException {
        writeSet(dir, 20, 5);
        IdxWriter.writeLabels(dir.resolve(FashionMnist.TEST_LABELS), new int[6]);

        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> FashionMnist.fromDirectory(dir));

        assertTrue(e.source().endsWith(FashionMnist.TEST_LABELS), e.source());
        assertTrue(e.expected().startsWith("5 labels, one per image in "), e.expected());
        assertEquals("6 labels", e.found());
    }

    @Test
    void subsetWriter_keepsFirstImagesOfEachClassInFileOrder() throws IOException {
        Path source = dir.resolve("full");
        Path target = dir.resolve("subset");
        Files.createDirectories(source);
        writeSet(source, 40, 30);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        EmbeddedSubsetWriter.write(
                source, target, 2, 1, new PrintStream(log, true, StandardCharsets.UTF_8));
        FashionMnist subset = FashionMnist.fromDirectory(target);

        // Labels cycle 0..9, so the first two of each class are samples 0..19, in order.
        assertEquals(20, subset.train().size());
        for (int i = 0; i < 20; i++) {
            assertEquals(i % 10, subset.train().label(i));
            assertEquals(((i * 784 + 3) & 0xff) / 255f, subset.train().feature(i, 3));
        }
        assertEquals(10, subset.test().size());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("wrote 20 of 40 images"));
    }

    @Test
    void subsetWriter_rejectsClassWithTooFewImages() throws IOException {
        Path source = dir.resolve("full");
        Files.createDirectories(source);
        writeSet(source, 15, 10);

        IdxFormatException e =
                assertThrows(
                        IdxFormatException.class,
                        () ->
                                EmbeddedSubsetWriter.write(
                                        source, dir.resolve("subset"), 2, 1, System.out));

        assertEquals("at least 2 samples of class 5", e.expected());
        assertEquals("1 in the whole file", e.found());
    }

    /** Writes a tiny set whose labels cycle through 0..9 and whose pixel bytes count up. */
    private static void writeSet(Path directory, int trainCount, int testCount) throws IOException {
        writePair(directory, FashionMnist.TRAIN_IMAGES, FashionMnist.TRAIN_LABELS, trainCount);
        writePair(directory, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS, testCount);
    }

    private static void writePair(Path directory, String images, String labels, int count)
            throws IOException {
        byte[] pixels = new byte[count * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            classes[i] = i % 10;
        }
        IdxWriter.writeImages(directory.resolve(images), IdxImages.of(28, 28, pixels));
        IdxWriter.writeLabels(directory.resolve(labels), classes);
    }

    private static int[] filled(int length, int value) {
        int[] array = new int[length];
        java.util.Arrays.fill(array, value);
        return array;
    }
}
