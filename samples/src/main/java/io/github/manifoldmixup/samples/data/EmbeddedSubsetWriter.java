package io.github.manifoldmixup.samples.data;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Produces the Fashion-MNIST subset that {@link FashionMnist#embedded()} reads, from the full set.
 *
 * <p>From the training file it keeps the first {@value FashionMnist#EMBEDDED_TRAIN_PER_CLASS}
 * images of each class, and from the test file the first {@value
 * FashionMnist#EMBEDDED_TEST_PER_CLASS} of each class, in file order, and writes them as gzipped
 * IDX files under the original names (see {@link IdxWriter} for why the bytes are reproducible). It
 * needs nothing beyond the JDK and this package, so from the repository root, after {@code mvn -pl
 * samples compile}:
 *
 * <pre>{@code
 * java -cp samples/target/classes io.github.manifoldmixup.samples.data.EmbeddedSubsetWriter \
 *     /usr/share/datasets/fashion-mnist \
 *     samples/src/main/resources/io/github/manifoldmixup/samples/data/fashion-mnist
 * }</pre>
 *
 * <p>Both arguments are optional and default to the paths shown.
 */
public final class EmbeddedSubsetWriter {

    /** The folder, relative to the repository root, that the subset is written to by default. */
    public static final Path DEFAULT_TARGET =
            Path.of(
                    "samples/src/main/resources/io/github/manifoldmixup/samples/data/fashion-mnist");

    private EmbeddedSubsetWriter() {}

    /**
     * Writes the embedded subset.
     *
     * @param args optionally the directory of the full set (default {@link
     *     FashionMnist#DEFAULT_DIRECTORY}), then the target folder (default {@link
     *     #DEFAULT_TARGET})
     * @throws IOException if the full set cannot be read or the subset cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 2) {
            System.err.println("usage: EmbeddedSubsetWriter [source-directory [target-directory]]");
            System.exit(2);
        }
        Path source = args.length > 0 ? Path.of(args[0]) : FashionMnist.DEFAULT_DIRECTORY;
        Path target = args.length > 1 ? Path.of(args[1]) : DEFAULT_TARGET;
        write(
                source,
                target,
                FashionMnist.EMBEDDED_TRAIN_PER_CLASS,
                FashionMnist.EMBEDDED_TEST_PER_CLASS,
                System.out);
    }

    /**
     * Writes a class-balanced subset of the four Fashion-MNIST files.
     *
     * @param sourceDirectory a directory holding the four original files
     * @param targetDirectory the folder to write the four subset files to; created if missing
     * @param trainPerClass the number of training images to keep per class, {@code >= 0}
     * @param testPerClass the number of test images to keep per class, {@code >= 0}
     * @param log where to print one line per file written
     * @throws IdxFormatException if a source file is corrupt or a class has too few images
     * @throws IOException if a file cannot be read or written
     */
    public static void write(
            Path sourceDirectory,
            Path targetDirectory,
            int trainPerClass,
            int testPerClass,
            PrintStream log)
            throws IOException {
        Files.createDirectories(targetDirectory);
        writeSubset(
                sourceDirectory,
                targetDirectory,
                FashionMnist.TRAIN_IMAGES,
                FashionMnist.TRAIN_LABELS,
                trainPerClass,
                log);
        writeSubset(
                sourceDirectory,
                targetDirectory,
                FashionMnist.TEST_IMAGES,
                FashionMnist.TEST_LABELS,
                testPerClass,
                log);
    }

    private static void writeSubset(
            Path sourceDirectory,
            Path targetDirectory,
            String imagesName,
            String labelsName,
            int perClass,
            PrintStream log)
            throws IOException {
        Path imagesFile = sourceDirectory.resolve(imagesName);
        Path labelsFile = sourceDirectory.resolve(labelsName);
        int size = FashionMnist.IMAGE_SIZE;
        IdxImages images = IdxReader.readImages(imagesFile, size, size);
        int[] labels = IdxReader.readLabels(labelsFile, FashionMnist.CLASS_COUNT);
        FashionMnist.checkPaired(images, imagesFile.toString(), labels, labelsFile.toString());

        int[] chosen = firstPerClass(labels, perClass, FashionMnist.CLASS_COUNT, labelsFile);
        int[] chosenLabels = Arrays.stream(chosen).map(i -> labels[i]).toArray();
        IdxWriter.writeImages(targetDirectory.resolve(imagesName), images.select(chosen));
        IdxWriter.writeLabels(targetDirectory.resolve(labelsName), chosenLabels);
        log.printf(
                "wrote %d of %d images (%d per class) to %s%n",
                chosen.length, labels.length, perClass, targetDirectory.resolve(imagesName));
    }

    /**
     * Returns the indices of the first {@code perClass} samples of each class, in file order.
     *
     * @throws IdxFormatException if a class has fewer than {@code perClass} samples
     */
    static int[] firstPerClass(int[] labels, int perClass, int classCount, Path source)
            throws IdxFormatException {
        if (perClass < 0) {
            throw new IllegalArgumentException("perClass must be >= 0, found " + perClass);
        }
        int[] taken = new int[classCount];
        int[] chosen = new int[perClass * classCount];
        int filled = 0;
        for (int i = 0; i < labels.length && filled < chosen.length; i++) {
            if (taken[labels[i]] < perClass) {
                taken[labels[i]]++;
                chosen[filled++] = i;
            }
        }
        for (int c = 0; c < classCount; c++) {
            if (taken[c] < perClass) {
                throw new IdxFormatException(
                        source.toString(),
                        "at least " + perClass + " samples of class " + c,
                        taken[c] + " in the whole file");
            }
        }
        return chosen;
    }
}
