package io.github.manifoldmixup.samples.data;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The Fashion-MNIST data set (Zalando, MIT licence): 28 x 28 grey-scale images of clothing in ten
 * classes, as a training and a test {@link HostSplit} with pixels scaled to [0, 1] and sample shape
 * (1, 28, 28).
 *
 * <p>Two sources:
 *
 * <ul>
 *   <li>{@link #embedded()}: a fixed, class-balanced subset that ships inside this module, so that
 *       the samples run on a fresh machine: the first {@value #EMBEDDED_TRAIN_PER_CLASS} images of
 *       each class in the order of the original training file (10,000 images) and the first {@value
 *       #EMBEDDED_TEST_PER_CLASS} of each class in the order of the original test file (2,000
 *       images). {@link EmbeddedSubsetWriter} produces it from the full set.
 *   <li>{@link #fromDirectory(Path)}: the full set (60,000 training and 10,000 test images) from a
 *       directory holding the four original gzipped IDX files, such as {@link #DEFAULT_DIRECTORY}
 *       where Debian's {@code dataset-fashion-mnist} package installs them.
 * </ul>
 *
 * <p>Loading the full set takes about 220 MB of heap for the float pixels.
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the full set. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    /** The file name of the training images. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";

    /** The file name of the training labels. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";

    /** The file name of the test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";

    /** The file name of the test labels. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    /** The number of classes. */
    public static final int CLASS_COUNT = 10;

    /** The height and width of every image, in pixels. */
    public static final int IMAGE_SIZE = 28;

    /** The number of training images per class in the embedded subset. */
    public static final int EMBEDDED_TRAIN_PER_CLASS = 1000;

    /** The number of test images per class in the embedded subset. */
    public static final int EMBEDDED_TEST_PER_CLASS = 200;

    /** The class names, indexed by label. */
    public static final List<String> CLASS_NAMES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    /** The class-path folder of the embedded subset, relative to this class. */
    static final String EMBEDDED_FOLDER = "fashion-mnist/";

    private final HostSplit train;
    private final HostSplit test;
    private final String origin;

    private FashionMnist(HostSplit train, HostSplit test, String origin) {
        this.train = train;
        this.test = test;
        this.origin = origin;
    }

    /**
     * Loads the subset embedded in this module.
     *
     * @return 10,000 training and 2,000 test images, balanced over the classes
     * @throws IOException if the resources are missing from the class path or corrupt
     */
    public static FashionMnist embedded() throws IOException {
        HostSplit train = readEmbedded(TRAIN_IMAGES, TRAIN_LABELS);
        HostSplit test = readEmbedded(TEST_IMAGES, TEST_LABELS);
        return new FashionMnist(train, test, "embedded Fashion-MNIST subset");
    }

    /**
     * Loads the four original gzipped IDX files from a directory.
     *
     * @param directory a directory holding {@value #TRAIN_IMAGES}, {@value #TRAIN_LABELS}, {@value
     *     #TEST_IMAGES} and {@value #TEST_LABELS}
     * @return the training and test splits
     * @throws java.nio.file.NoSuchFileException if one of the files is missing
     * @throws IdxFormatException if a file is truncated or corrupt, or image and label counts
     *     differ
     * @throws IOException if a file cannot be read
     */
    public static FashionMnist fromDirectory(Path directory) throws IOException {
        HostSplit train = read(directory.resolve(TRAIN_IMAGES), directory.resolve(TRAIN_LABELS));
        HostSplit test = read(directory.resolve(TEST_IMAGES), directory.resolve(TEST_LABELS));
        return new FashionMnist(train, test, "Fashion-MNIST from " + directory);
    }

    /**
     * Returns the training split.
     *
     * @return the training images, with sample shape (1, 28, 28)
     */
    public HostSplit train() {
        return train;
    }

    /**
     * Returns the test split.
     *
     * @return the test images, with sample shape (1, 28, 28)
     */
    public HostSplit test() {
        return test;
    }

    /**
     * Says where the data came from, for logs and reports.
     *
     * @return such as {@code "embedded Fashion-MNIST subset"} or {@code "Fashion-MNIST from
     *     /usr/share/datasets/fashion-mnist"}
     */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return origin + " (" + train.size() + " training, " + test.size() + " test images)";
    }

    private static HostSplit read(Path imagesFile, Path labelsFile) throws IOException {
        IdxImages images = IdxReader.readImages(imagesFile, IMAGE_SIZE, IMAGE_SIZE);
        int[] labels = IdxReader.readLabels(labelsFile, CLASS_COUNT);
        return toSplit(images, imagesFile.toString(), labels, labelsFile.toString());
    }

    private static HostSplit readEmbedded(String imagesName, String labelsName) throws IOException {
        IdxImages images;
        try (InputStream in = openResource(imagesName)) {
            images = IdxReader.readImages(in, resourceName(imagesName), IMAGE_SIZE, IMAGE_SIZE);
        }
        int[] labels;
        try (InputStream in = openResource(labelsName)) {
            labels = IdxReader.readLabels(in, resourceName(labelsName), CLASS_COUNT);
        }
        return toSplit(images, resourceName(imagesName), labels, resourceName(labelsName));
    }

    /** Pairs images and labels read from the named sources into a split. */
    private static HostSplit toSplit(
            IdxImages images, String imagesSource, int[] labels, String labelsSource)
            throws IdxFormatException {
        checkPaired(images, imagesSource, labels, labelsSource);
        Shape sampleShape = new Shape(1, IMAGE_SIZE, IMAGE_SIZE);
        return HostSplit.wrap(images.toScaledFloats(), sampleShape, labels, CLASS_COUNT);
    }

    /** Checks that there is one label per image. */
    static void checkPaired(
            IdxImages images, String imagesSource, int[] labels, String labelsSource)
            throws IdxFormatException {
        if (labels.length != images.count()) {
            throw new IdxFormatException(
                    labelsSource,
                    images.count() + " labels, one per image in " + imagesSource,
                    labels.length + " labels");
        }
    }

    private static InputStream openResource(String name) throws IOException {
        InputStream in = FashionMnist.class.getResourceAsStream(EMBEDDED_FOLDER + name);
        if (in == null) {
            throw new IOException(
                    resourceName(name)
                            + ": expected the embedded Fashion-MNIST subset on the class path,"
                            + " found no such resource");
        }
        return in;
    }

    private static String resourceName(String name) {
        return FashionMnist.class.getPackageName().replace('.', '/') + "/" + EMBEDDED_FOLDER + name;
    }
}
