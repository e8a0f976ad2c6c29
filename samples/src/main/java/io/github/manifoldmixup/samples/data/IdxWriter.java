package io.github.manifoldmixup.samples.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes gzipped IDX files of unsigned bytes, the format {@link IdxReader} reads.
 *
 * <p>The gzip header carries no file name and a modification time of zero, and the data is
 * compressed at the best level, so the same content gives the same bytes on every run with the same
 * zlib.
 */
public final class IdxWriter {

    private IdxWriter() {}

    /**
     * Writes an {@code idx3} image file, replacing any file of that name.
     *
     * @param file the file to write, usually named {@code *.gz}
     * @param images the images
     * @throws IOException if the file cannot be written
     */
    public static void writeImages(Path file, IdxImages images) throws IOException {
        try (DataOutputStream out = openGzip(file)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.rows());
            out.writeInt(images.cols());
            out.write(images.pixels());
        }
    }

    /**
     * Writes an {@code idx1} label file, replacing any file of that name.
     *
     * @param file the file to write, usually named {@code *.gz}
     * @param labels the labels, each in [0, 255]
     * @throws IllegalArgumentException if a label does not fit in an unsigned byte
     * @throws IOException if the file cannot be written
     */
    public static void writeLabels(Path file, int[] labels) throws IOException {
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException(
                        "labels must lie in [0, 255], found " + labels[i] + " at position " + i);
            }
            bytes[i] = (byte) labels[i];
        }
        try (DataOutputStream out = openGzip(file)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(bytes);
        }
    }

    private static DataOutputStream openGzip(Path file) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return new DataOutputStream(new BufferedOutputStream(new BestGzipStream(raw), 1 << 16));
    }

    /** A gzip stream at the best compression level; the JDK writes a zero modification time. */
    private static final class BestGzipStream extends GZIPOutputStream {
        BestGzipStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
