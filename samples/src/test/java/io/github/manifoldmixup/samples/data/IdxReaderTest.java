package io.github.manifoldmixup.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir Path dir;

    @Test
    void writtenImages_readBackUnchanged() throws IOException {
        byte[] pixels = new byte[3 * 2 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 11);
        }
        Path file = dir.resolve("images.gz");
        IdxWriter.writeImages(file, IdxImages.of(2, 4, pixels));

        IdxImages images = IdxReader.readImages(file, 2, 4);

        assertEquals(3, images.count());
        assertArrayEquals(pixels, images.pixels());
        assertEquals(253, images.pixel(2, 7)); // byte 23 * 11 = 253, read unsigned
    }

    @Test
    void writtenLabels_readBackUnchanged() throws IOException {
        Path file = dir.resolve("labels.gz");
        IdxWriter.writeLabels(file, new int[] {0, 9, 3, 3});

        assertArrayEquals(new int[] {0, 9, 3, 3}, IdxReader.readLabels(file, 10));
    }

    @Test
    void uncompressedFile_isReadToo() throws IOException {
        Path file = dir.resolve("labels");
        Files.write(file, labelBytes(0x00000801, 2, new byte[] {1, 2}));

        assertArrayEquals(new int[] {1, 2}, IdxReader.readLabels(file, 10));
    }

    @Test
    void writer_givesSameBytesEveryTime() throws IOException {
        IdxImages images = IdxImages.of(2, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        IdxWriter.writeImages(dir.resolve("a.gz"), images);
        IdxWriter.writeImages(dir.resolve("b.gz"), images);

        byte[] a = Files.readAllBytes(dir.resolve("a.gz"));

        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b.gz")));
        assertArrayEquals(new byte[4], Arrays.copyOfRange(a, 4, 8), "gzip mtime must be zero");
    }

    @Test
    void missingFile_namesFileAndWhatWasExpected() {
        Path file = dir.resolve("train-images-idx3-ubyte.gz");

        NoSuchFileException e =
                assertThrows(NoSuchFileException.class, () -> IdxReader.readImages(file, 28, 28));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected an IDX image file"), e.getMessage());
        assertTrue(e.getMessage().contains("found no such file"), e.getMessage());
    }

    @Test
    void labelFileReadAsImages_reportsBothMagicNumbers() throws IOException {
        Path file = dir.resolve("labels.gz");
        IdxWriter.writeLabels(file, new int[] {1, 2, 3});

        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file, 28, 28));

        assertEquals(file.toString(), e.source());
        assertEquals("magic number 0x00000803 (idx3 of unsigned bytes)", e.expected());
        assertEquals("magic number 0x00000801 (idx1 of unsigned bytes)", e.found());
        assertTrue(e.getMessage().startsWith(file + ": expected magic number 0x00000803"));
    }

    @Test
    void garbageMagic_saysNotIdx() throws IOException {
        Path file = dir.resolve("noise.gz");
        writeGzip(file, labelBytes(0x12345678, 0, new byte[0]));

        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file, 10));

        assertEquals("magic number 0x12345678 (not IDX)", e.found());
    }

    @Test
    void wrongImageSize_reportsExpectedAndFoundDimensions() throws IOException {
        Path file = dir.resolve("images.gz");
        IdxWriter.writeImages(file, IdxImages.of(32, 32, new byte[32 * 32]));

        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file, 28, 28));

        assertEquals("images of 28 x 28 pixels", e.expected());
        assertEquals("images of 32 x 32 pixels", e.found());
    }

    @Test
    void fewerPixelsThanHeaderSays_reportsCounts() throws IOException {
        Path file = dir.resolve("images.gz");
        writeGzip(file, imageBytes(3, 2, 2, new byte[10]));

        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file, 2, 2));

        assertEquals("12 pixel bytes after the header (3 images of 2 x 2 pixels)", e.expected());
        assertEquals("only 10", e.found());
    }

    @Test
    void shortHeader_reportsBytesFound() throws IOException {
        Path file = dir.resolve("labels.gz");
        writeGzip(file, new byte[] {0, 0, 8, 1, 0});

        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file, 10));

        assertEquals("a 8-byte idx1 header", e.expected());
        assertEquals("5 bytes in all", e.found());
    }

    @Test
    void cutOffGzipStream_isReportedAsCorrupt() throws IOException {
        Path whole = dir.resolve("whole.gz");
        byte[] pixels = new byte[4000];
        new java.util.Random(1).nextBytes(pixels);
        IdxWriter.writeImages(whole, IdxImages.of(20, 20, pixels));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = dir.resolve("cut.gz");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file, 20, 20));

        assertTrue(e.found().startsWith("a gzip stream that is cut off or corrupt"), e.found());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void labelOutsideClassRange_reportsValueAndPosition() throws IOException {
        Path file = dir.resolve("labels.gz");
        IdxWriter.writeLabels(file, new int[] {0, 1, 12});

        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file, 10));

        assertEquals("labels in 0-9", e.expected());
        assertEquals("12 at position 2", e.found());
    }

    @Test
    void stream_isNamedBySource() {
        ByteArrayInputStream in = new ByteArrayInputStream(labelBytes(0x00000803, 1, new byte[1]));

        IdxFormatException e =
                assertThrows(
                        IdxFormatException.class, () -> IdxReader.readLabels(in, "my-labels", 10));

        assertEquals("my-labels", e.source());
    }

    static byte[] labelBytes(int magic, int count, byte[] labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.write(labels);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static byte[] imageBytes(int count, int rows, int cols, byte[] pixels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static void writeGzip(Path file, byte[] content) throws IOException {
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }
}
