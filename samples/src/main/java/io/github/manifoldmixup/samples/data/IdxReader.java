package io.github.manifoldmixup.samples.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes, the format of MNIST and Fashion-MNIST, gzipped or not.
 *
 * <p>An image file ({@code idx3}) starts with the magic number {@code 0x00000803}, then the image
 * count, the number of rows and the number of columns as big-endian 32-bit integers, then the
 * pixels. A label file ({@code idx1}) starts with {@code 0x00000801} and the label count, then one
 * byte per label. A stream that starts with the gzip signature is decompressed first.
 *
 * <p>Every problem with the content is an {@link IdxFormatException} that names the file, what was
 * expected and what was found: a wrong magic number, dimensions other than those asked for, fewer
 * bytes than the header promises, a label outside the class range, or a gzip stream that is cut off
 * or corrupt. Bytes after the promised data are ignored. A missing file is a {@link
 * NoSuchFileException} whose message says what file was expected.
 */
public final class IdxReader {

    /** The magic number of an IDX file of unsigned bytes with three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** The magic number of an IDX file of unsigned bytes with one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int GZIP_FIRST_BYTE = 0x1f;
    private static final int GZIP_SECOND_BYTE = 0x8b;

    private IdxReader() {}

    /**
     * Reads an image file.
     *
     * @param file an {@code idx3} file, gzipped or not
     * @param rows the height every image must have, {@code >= 1}
     * @param cols the width every image must have, {@code >= 1}
     * @return the images
     * @throws NoSuchFileException if the file does not exist
     * @throws IdxFormatException if the file is truncated or does not hold such images
     * @throws IOException if the file cannot be read
     */
    public static IdxImages readImages(Path file, int rows, int cols) throws IOException {
        try (InputStream in = open(file, "an IDX image file (idx3, magic 0x00000803)")) {
            return readImages(in, file.toString(), rows, cols);
        }
    }

    /**
     * Reads images from a stream, such as a class-path resource; the caller closes the stream.
     *
     * @param in the bytes of an {@code idx3} file, gzipped or not
     * @param source how error messages name the stream, such as a file or resource name
     * @param rows the height every image must have, {@code >= 1}
     * @param cols the width every image must have, {@code >= 1}
     * @return the images
     * @throws IdxFormatException if the stream is truncated or does not hold such images
     * @throws IOException if the stream cannot be read
     */
    public static IdxImages readImages(InputStream in, String source, int rows, int cols)
            throws IOException {
        InputStream data = decompressed(in, source);
        byte[] header = readHeader(data, source, IMAGES_MAGIC, 16);
        int count = readInt(header, 4);
        int foundRows = readInt(header, 8);
        int foundCols = readInt(header, 12);
        if (count < 0) {
            throw new IdxFormatException(source, "a non-negative image count", "" + count);
        }
        if (foundRows != rows || foundCols != cols) {
            throw new IdxFormatException(
                    source,
                    "images of " + rows + " x " + cols + " pixels",
                    "images of " + foundRows + " x " + foundCols + " pixels");
        }

        long expectedBytes = (long) count * rows * cols;
        String what = count + " images of " + rows + " x " + cols + " pixels";
        if (expectedBytes > Integer.MAX_VALUE - 8) {
            throw new IdxFormatException(
                    source, "at most " + (Integer.MAX_VALUE - 8) + " pixel bytes", what);
        }
        byte[] pixels = readBody(data, source, (int) expectedBytes, what, "pixel bytes");
        return IdxImages.wrap(rows, cols, pixels);
    }

    /**
     * Reads a label file.
     *
     * @param file an {@code idx1} file, gzipped or not
     * @param classCount the number of classes; every label must lie in [0, classCount)
     * @return the labels, in file order
     * @throws NoSuchFileException if the file does not exist
     * @throws IdxFormatException if the file is truncated or does not hold such labels
     * @throws IOException if the file cannot be read
     */
    public static int[] readLabels(Path file, int classCount) throws IOException {
        try (InputStream in = open(file, "an IDX label file (idx1, magic 0x00000801)")) {
            return readLabels(in, file.toString(), classCount);
        }
    }

    /**
     * Reads labels from a stream, such as a class-path resource; the caller closes the stream.
     *
     * @param in the bytes of an {@code idx1} file, gzipped or not
     * @param source how error messages name the stream, such as a file or resource name
     * @param classCount the number of classes; every label must lie in [0, classCount)
     * @return the labels, in stream order
     * @throws IdxFormatException if the stream is truncated or does not hold such labels
     * @throws IOException if the stream cannot be read
     */
    public static int[] readLabels(InputStream in, String source, int classCount)
            throws IOException {
        InputStream data = decompressed(in, source);
        byte[] header = readHeader(data, source, LABELS_MAGIC, 8);
        int count = readInt(header, 4);
        if (count < 0) {
            throw new IdxFormatException(source, "a non-negative label count", "" + count);
        }

        byte[] bytes = readBody(data, source, count, count + " labels", "label bytes");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = Byte.toUnsignedInt(bytes[i]);
            if (labels[i] >= classCount) {
                throw new IdxFormatException(
                        source, "labels in 0-" + (classCount - 1), labels[i] + " at position " + i);
            }
        }
        return labels;
    }

    private static InputStream open(Path file, String expected) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(
                    file.toString(), null, "expected " + expected + ", found no such file");
        }
        return Files.newInputStream(file);
    }

    private static InputStream decompressed(InputStream in, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first != GZIP_FIRST_BYTE || second != GZIP_SECOND_BYTE) {
            return buffered;
        }
        try {
            return new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
        } catch (IOException e) {
            throw new IdxFormatException(
                    source, "a valid gzip header", "a corrupt one (" + e.getMessage() + ")", e);
        }
    }

    /** Reads and checks the magic number, then reads the rest of a header of that length. */
    private static byte[] readHeader(InputStream in, String source, int magic, int length)
            throws IOException {
        String expected = "a " + length + "-byte idx" + (magic & 0xff) + " header";
        byte[] header = new byte[length];
        int read = readUpTo(in, header, 0, 4, source, expected);
        if (read == 4) {
            checkMagic(source, readInt(header, 0), magic);
            read += readUpTo(in, header, 4, length - 4, source, expected);
        }
        if (read < length) {
            throw new IdxFormatException(source, expected, read + " bytes in all");
        }
        return header;
    }

    private static byte[] readBody(
            InputStream in, String source, int length, String promised, String unit)
            throws IOException {
        byte[] body = new byte[length];
        String expected = length + " " + unit + " after the header (" + promised + ")";
        int read = readUpTo(in, body, 0, length, source, expected);
        if (read < length) {
            throw new IdxFormatException(source, expected, "only " + read);
        }
        return body;
    }

    /**
     * Reads {@code length} bytes into the buffer from {@code offset}, or fewer if the stream ends;
     * returns the number of bytes read.
     */
    private static int readUpTo(
            InputStream in, byte[] buffer, int offset, int length, String source, String expected)
            throws IOException {
        int total = 0;
        try {
            while (total < length) {
                int n = in.read(buffer, offset + total, length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (EOFException | ZipException e) {
            throw new IdxFormatException(
                    source,
                    expected,
                    "a gzip stream that is cut off or corrupt after "
                            + (offset + total)
                            + " bytes ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        return total;
    }

    private static void checkMagic(String source, int found, int expected)
            throws IdxFormatException {
        if (found != expected) {
            throw new IdxFormatException(
                    source,
                    "magic number " + describeMagic(expected),
                    "magic number " + describeMagic(found));
        }
    }

    private static String describeMagic(int magic) {
        String hex = String.format(Locale.ROOT, "0x%08x", magic);
        boolean idx = (magic >>> 16) == 0 && ((magic >>> 8) & 0xff) == 0x08;
        return idx ? hex + " (idx" + (magic & 0xff) + " of unsigned bytes)" : hex + " (not IDX)";
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24)
                | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8)
                | (bytes[offset + 3] & 0xff);
    }
}
