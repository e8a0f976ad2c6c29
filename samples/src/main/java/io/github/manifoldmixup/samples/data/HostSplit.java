package io.github.manifoldmixup.samples.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Sampler;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One split of a labelled data set held in host memory: float features and integer class labels.
 *
 * <p>Sample {@code i} occupies {@code featuresPerSample()} consecutive floats starting at {@code i
 * * featuresPerSample()}; {@link #sampleShape()} says how they are laid out, for example (1, 28,
 * 28) for a Fashion-MNIST image with pixels scaled to [0, 1], or (2) for a point of the spirals.
 * Labels lie in [0, classCount).
 *
 * <p>Instances are immutable. The subset and hold-out helpers take a seed and give the same result
 * for the same seed (the generator is Commons RNG's XoRoShiRo128++). The conversions to DJL put the
 * features and the labels on the manager's device as float32 arrays; float32 class indices are what
 * DJL's {@code SoftmaxCrossEntropyLoss} with sparse labels and its {@code Accuracy} evaluator
 * accept.
 */
public final class HostSplit {

    private final float[] features;
    private final Shape sampleShape;
    private final int featuresPerSample;
    private final int[] labels;
    private final int classCount;

    private HostSplit(float[] features, Shape sampleShape, int[] labels, int classCount) {
        this.features = features;
        this.sampleShape = sampleShape;
        this.featuresPerSample = Math.toIntExact(sampleShape.size());
        this.labels = labels;
        this.classCount = classCount;
    }

    /**
     * Returns a split holding copies of the given arrays.
     *
     * @param features the features of all samples, one sample after the other
     * @param sampleShape the shape of one sample, with every dimension {@code >= 1}
     * @param labels the class of each sample, each in [0, classCount)
     * @param classCount the number of classes, {@code >= 1}
     * @return the split
     * @throws IllegalArgumentException if the sizes disagree or a label is out of range
     */
    public static HostSplit of(float[] features, Shape sampleShape, int[] labels, int classCount) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        return wrap(features.clone(), sampleShape, labels.clone(), classCount);
    }

    /** Checks and wraps arrays that the caller hands over and no longer touches. */
    static HostSplit wrap(float[] features, Shape sampleShape, int[] labels, int classCount) {
        Objects.requireNonNull(sampleShape, "sampleShape");
        if (sampleShape.dimension() == 0 || sampleShape.size() < 1) {
            throw new IllegalArgumentException(
                    "sampleShape must have at least one dimension and every dimension >= 1, found "
                            + sampleShape);
        }
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount must be >= 1, found " + classCount);
        }
        if ((long) labels.length * sampleShape.size() != features.length) {
            throw new IllegalArgumentException(
                    "features must hold "
                            + labels.length
                            + " samples of shape "
                            + sampleShape
                            + " ("
                            + labels.length * sampleShape.size()
                            + " floats), found "
                            + features.length
                            + " floats");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException(
                        "labels must lie in [0, "
                                + classCount
                                + "), found "
                                + labels[i]
                                + " at position "
                                + i);
            }
        }
        return new HostSplit(features, sampleShape, labels, classCount);
    }

    /**
     * Returns the number of samples.
     *
     * @return the number of samples, {@code >= 0}
     */
    public int size() {
        return labels.length;
    }

    /**
     * Returns the shape of one sample, without the batch axis.
     *
     * @return the sample shape, such as (1, 28, 28) or (2)
     */
    public Shape sampleShape() {
        return sampleShape;
    }

    /**
     * Returns the number of floats in one sample.
     *
     * @return the product of the sample shape's dimensions
     */
    public int featuresPerSample() {
        return featuresPerSample;
    }

    /**
     * Returns the number of classes.
     *
     * @return the number of classes; labels lie in [0, classCount)
     */
    public int classCount() {
        return classCount;
    }

    /**
     * Returns the class of one sample.
     *
     * @param sample the index of the sample, in [0, size)
     * @return its label, in [0, classCount)
     */
    public int label(int sample) {
        return labels[Objects.checkIndex(sample, labels.length)];
    }

    /**
     * Returns one feature of one sample.
     *
     * @param sample the index of the sample, in [0, size)
     * @param offset the index of the feature within the sample, in [0, featuresPerSample)
     * @return the feature's value
     */
    public float feature(int sample, int offset) {
        Objects.checkIndex(sample, labels.length);
        Objects.checkIndex(offset, featuresPerSample);
        return features[sample * featuresPerSample + offset];
    }

    /**
     * Returns a copy of all labels.
     *
     * @return the labels, one per sample
     */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * Returns a copy of all features, one sample after the other.
     *
     * @return {@code size * featuresPerSample} floats
     */
    public float[] features() {
        return features.clone();
    }

    /**
     * Counts the samples of each class.
     *
     * @return {@code classCount} counts
     */
    public int[] classCounts() {
        int[] counts = new int[classCount];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Returns the same samples with each sample's floats viewed in another shape, such as (784)
     * instead of (1, 28, 28) for a dense network.
     *
     * @param newSampleShape a shape with as many elements as the current sample shape
     * @return the reshaped split, which shares the (immutable) data with this one
     * @throws IllegalArgumentException if the number of elements differs
     */
    public HostSplit withSampleShape(Shape newSampleShape) {
        if (newSampleShape.size() != featuresPerSample) {
            throw new IllegalArgumentException(
                    "newSampleShape must have "
                            + featuresPerSample
                            + " elements like "
                            + sampleShape
                            + ", found "
                            + newSampleShape
                            + " with "
                            + newSampleShape.size());
        }
        return new HostSplit(features, newSampleShape, labels, classCount);
    }

    /**
     * Returns the samples at the given indices, in the order given.
     *
     * @param indices indices in [0, size); may repeat
     * @return the selected samples
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public HostSplit select(int[] indices) {
        float[] selectedFeatures = new float[indices.length * featuresPerSample];
        int[] selectedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int from = Objects.checkIndex(indices[i], labels.length);
            System.arraycopy(
                    features,
                    from * featuresPerSample,
                    selectedFeatures,
                    i * featuresPerSample,
                    featuresPerSample);
            selectedLabels[i] = labels[from];
        }
        return new HostSplit(selectedFeatures, sampleShape, selectedLabels, classCount);
    }

    /**
     * Returns {@code n} samples drawn without replacement, uniformly at random, in random order.
     *
     * @param n the number of samples, in [0, size]
     * @param seed the seed; the same seed gives the same subset
     * @return the subset
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public HostSplit randomSubset(int n, long seed) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException(
                    "n must lie in [0, " + size() + "] for a split of that size, found " + n);
        }
        int[] order = PermutationSampler.natural(size());
        PermutationSampler.shuffle(random(seed), order);
        return select(Arrays.copyOf(order, n));
    }

    /**
     * Returns {@code n} samples with the classes as equally represented as possible, in random
     * order.
     *
     * <p>Each class gets {@code n / classCount} samples, and the first {@code n % classCount}
     * classes one more. Within a class the samples are drawn without replacement, uniformly at
     * random; the result is then shuffled so that the classes interleave.
     *
     * @param n the number of samples, {@code >= 0}
     * @param seed the seed; the same seed gives the same subset
     * @return the subset
     * @throws IllegalArgumentException if {@code n} is negative or a class has too few samples
     */
    public HostSplit balancedSubset(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        UniformRandomProvider rng = random(seed);
        int[][] byClass = indicesByClass();
        int[] chosen = new int[n];
        int filled = 0;
        for (int c = 0; c < classCount; c++) {
            int wanted = n / classCount + (c < n % classCount ? 1 : 0);
            if (byClass[c].length < wanted) {
                throw new IllegalArgumentException(
                        "a balanced subset of "
                                + n
                                + " needs "
                                + wanted
                                + " samples of class "
                                + c
                                + ", found "
                                + byClass[c].length);
            }
            PermutationSampler.shuffle(rng, byClass[c]);
            System.arraycopy(byClass[c], 0, chosen, filled, wanted);
            filled += wanted;
        }
        PermutationSampler.shuffle(rng, chosen);
        return select(chosen);
    }

    /**
     * Splits off a held-out part, such as the data a temperature is fitted on, stratified by class.
     *
     * <p>From each class, {@code round(fraction * count)} samples chosen at random are held out
     * (half rounds up); the rest keep their original order, and the held-out samples keep theirs.
     *
     * @param fraction the share of each class to hold out, in [0, 1]
     * @param seed the seed; the same seed gives the same partition
     * @return the remaining and the held-out samples, which together are this split
     * @throws IllegalArgumentException if {@code fraction} is outside [0, 1] or NaN
     */
    public Partition holdOut(double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must lie in [0, 1], found " + fraction);
        }
        UniformRandomProvider rng = random(seed);
        boolean[] heldOut = new boolean[size()];
        int heldOutCount = 0;
        for (int[] members : indicesByClass()) {
            int wanted = (int) Math.round(fraction * members.length);
            PermutationSampler.shuffle(rng, members);
            for (int i = 0; i < wanted; i++) {
                heldOut[members[i]] = true;
            }
            heldOutCount += wanted;
        }

        int[] restIndices = new int[size() - heldOutCount];
        int[] heldOutIndices = new int[heldOutCount];
        int r = 0;
        int h = 0;
        for (int i = 0; i < size(); i++) {
            if (heldOut[i]) {
                heldOutIndices[h++] = i;
            } else {
                restIndices[r++] = i;
            }
        }
        return new Partition(select(restIndices), select(heldOutIndices));
    }

    /**
     * Copies the features to an NDArray of shape (size, sampleShape...), float32.
     *
     * @param manager the manager that owns the new array, and whose device it lives on
     * @return the features
     */
    public NDArray featuresArray(NDManager manager) {
        return manager.create(features, batchShape());
    }

    /**
     * Copies the labels to an NDArray of shape (size), float32 class indices.
     *
     * @param manager the manager that owns the new array, and whose device it lives on
     * @return the labels
     */
    public NDArray labelsArray(NDManager manager) {
        float[] asFloats = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            asFloats[i] = labels[i];
        }
        return manager.create(asFloats);
    }

    /**
     * Returns a DJL data set over copies of the features and labels, batched by DJL's own sampler.
     *
     * <p>With {@code shuffle}, DJL draws a new order every epoch from its global generator, which
     * {@code Engine.getInstance().setRandomSeed(long)} seeds; use {@link #toArrayDataset(NDManager,
     * Sampler)} with a {@link SeededShuffleSampler} for an order that depends on a seed of its own.
     * The last batch may be smaller than {@code batchSize}.
     *
     * @param manager the manager that owns the arrays
     * @param batchSize the number of samples per batch, {@code >= 1}
     * @param shuffle whether to visit the samples in a new random order every epoch
     * @return the data set, with features as data and float32 class indices as labels
     */
    public ArrayDataset toArrayDataset(NDManager manager, int batchSize, boolean shuffle) {
        return new ArrayDataset.Builder()
                .setData(featuresArray(manager))
                .optLabels(labelsArray(manager))
                .setSampling(batchSize, shuffle)
                .build();
    }

    /**
     * Returns a DJL data set over copies of the features and labels, batched by the given sampler.
     *
     * @param manager the manager that owns the arrays
     * @param sampler the batch sampler, such as {@code new BatchSampler(new
     *     SeededShuffleSampler(seed), batchSize)}
     * @return the data set, with features as data and float32 class indices as labels
     */
    public ArrayDataset toArrayDataset(NDManager manager, Sampler sampler) {
        return new ArrayDataset.Builder()
                .setData(featuresArray(manager))
                .optLabels(labelsArray(manager))
                .setSampling(sampler)
                .build();
    }

    @Override
    public String toString() {
        return "HostSplit[size="
                + size()
                + ", sampleShape="
                + sampleShape
                + ", classCount="
                + classCount
                + "]";
    }

    private Shape batchShape() {
        return new Shape(size()).addAll(sampleShape);
    }

    private int[][] indicesByClass() {
        int[] counts = classCounts();
        int[][] byClass = new int[classCount][];
        for (int c = 0; c < classCount; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[classCount];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        return byClass;
    }

    private static UniformRandomProvider random(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /**
     * A split cut in two by {@link #holdOut(double, long)}.
     *
     * @param rest the samples that were not held out, in their original order
     * @param heldOut the held-out samples, in their original order
     */
    public record Partition(HostSplit rest, HostSplit heldOut) {

        /**
         * Checks that both parts are present.
         *
         * @param rest the samples that were not held out
         * @param heldOut the held-out samples
         */
        public Partition {
            Objects.requireNonNull(rest, "rest");
            Objects.requireNonNull(heldOut, "heldOut");
        }
    }
}
