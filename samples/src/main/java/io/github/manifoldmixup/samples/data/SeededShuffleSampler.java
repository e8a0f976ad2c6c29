package io.github.manifoldmixup.samples.data;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.Iterator;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Visits every sample of a data set once per epoch in an order drawn from its own seeded generator,
 * independent of DJL's global one.
 *
 * <p>Wrap it in a {@code BatchSampler} to form batches. Each call to {@link
 * #sample(RandomAccessDataset)} (one per epoch) draws the next permutation, so a run that builds
 * the sampler with the same seed sees the same sequence of orders. Not safe for use by several
 * threads at once.
 */
public final class SeededShuffleSampler implements Sampler.SubSampler {

    private final UniformRandomProvider rng;

    /**
     * Creates a sampler.
     *
     * @param seed the seed; the same seed gives the same sequence of orders
     */
    public SeededShuffleSampler(long seed) {
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /**
     * Draws the order of the next epoch.
     *
     * @param dataset the data set, of at most {@code Integer.MAX_VALUE} samples
     * @return the sample indices in a new random order
     */
    @Override
    public Iterator<Long> sample(RandomAccessDataset dataset) {
        int[] order = PermutationSampler.natural(Math.toIntExact(dataset.size()));
        PermutationSampler.shuffle(rng, order);
        return IntStream.of(order).mapToObj(i -> (long) i).iterator();
    }
}
