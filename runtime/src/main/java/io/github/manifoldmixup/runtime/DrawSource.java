package io.github.manifoldmixup.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@link Draw}s of a training run and keeps the current one of each device.
 *
 * <p>Each training forward pass of a device split gets one draw: a site chosen uniformly among the
 * candidate sites (the model input, site 0, counting as one when input mixup is on), a uniformly
 * random permutation of the split, and one weight per sample from Beta(alpha, alpha). The draw is
 * made when the split's first instrumented block asks for it and kept until {@link #finishBatch()}
 * (after which the next forward pass makes a new one) or {@link #clear()}.
 *
 * <p>DJL runs the splits of a batch on parallel threads, one per device; a draw source is safe for
 * that. A forward pass runs on one thread, so the blocks of a pass find their draw by their device
 * and thread; the loss, which DJL may evaluate again on another thread for logging, finds it by the
 * predictions the pass produced ({@link #forPredictions}). Each device has its own random stream
 * derived from the seed and the device, so a run is reproducible whatever the order in which the
 * threads run.
 */
public final class DrawSource {

    private static final Logger logger = LoggerFactory.getLogger(DrawSource.class);

    private final long seed;
    private final boolean folded;
    private final int[] candidates;
    private final Map<Device, DeviceStream> streams = new ConcurrentHashMap<>();
    private final Map<SplitKey, Draw> draws = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedReachedTwice = new AtomicBoolean();
    private final AtomicBoolean warnedNotReached = new AtomicBoolean();
    private volatile double alpha;

    private DrawSource(Builder builder) {
        this.seed = builder.seed;
        this.folded = builder.folded;
        this.alpha = builder.alpha;
        this.candidates = builder.candidates();
    }

    /**
     * Returns a builder of draw sources.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the draw of the current training forward pass on the device of this input and the
     * calling thread, making one if there is none yet in this batch.
     *
     * @param input an array of the split, batch axis first; its manager and device host the draw
     * @return the draw of this split
     */
    public Draw begin(NDArray input) {
        Objects.requireNonNull(input, "input");
        if (input.getShape().dimension() < 1) {
            throw new IllegalArgumentException(
                    "a mixup draw needs an input with a batch axis, got shape " + input.getShape());
        }
        int batchSize = Math.toIntExact(input.getShape().get(0));
        Device device = input.getDevice();
        SplitKey key = new SplitKey(device, Thread.currentThread());
        return draws.compute(
                key,
                (k, current) -> {
                    if (current != null
                            && !current.isFinished()
                            && current.batchSize() == batchSize) {
                        return current;
                    }
                    if (current != null) {
                        current.close();
                    }
                    return streams.computeIfAbsent(device, this::newStream)
                            .draw(input, batchSize, alpha);
                });
    }

    /**
     * Returns the latest draw made on a device by the calling thread, finished or not.
     *
     * @param device the device of a split
     * @return the draw, or {@code null} if there is none
     */
    public Draw current(Device device) {
        return draws.get(new SplitKey(device, Thread.currentThread()));
    }

    /**
     * Finds the draw whose forward pass produced these predictions, on any device and thread.
     *
     * @param predictions the predictions handed to a loss or an evaluator
     * @return the draw, or {@code null} if they come from no mixed pass of this batch
     */
    public Draw forPredictions(NDList predictions) {
        for (Draw draw : draws.values()) {
            if (draw.producedPredictions(predictions)) {
                return draw;
            }
        }
        return null;
    }

    /**
     * Ends the current batch: the next training forward pass of each split makes a new draw. The
     * finished draws stay readable until the batch after, so that listeners that look at the batch
     * afterwards see the draw it was trained with.
     */
    public void finishBatch() {
        draws.entrySet()
                .removeIf(
                        entry -> {
                            Draw draw = entry.getValue();
                            if (draw.isFinished()) {
                                draw.close();
                                return true;
                            }
                            draw.finish();
                            return false;
                        });
    }

    /** Releases every draw; the next training forward pass of each split makes a new one. */
    public void clear() {
        draws.values().forEach(Draw::close);
        draws.clear();
    }

    /**
     * Sets the alpha of the next draws.
     *
     * @param alpha finite and {@code >= 0}; 0 turns mixing off
     * @throws IllegalArgumentException if alpha is negative, NaN or infinite
     */
    public void setAlpha(double alpha) {
        this.alpha = BetaSampler.checkAlpha(alpha);
    }

    /**
     * Returns the alpha of the next draws.
     *
     * @return alpha
     */
    public double getAlpha() {
        return alpha;
    }

    /**
     * Returns the sites a draw chooses among, in increasing order; 0 is the model input.
     *
     * @return a copy of the candidate sites
     */
    public int[] getCandidateSites() {
        return candidates.clone();
    }

    /**
     * Logs, once per draw source, that a site or the model input was reached a second time in one
     * forward pass and was therefore not mixed again.
     *
     * @param site the site reached twice
     */
    void warnReachedTwice(int site) {
        if (warnedReachedTwice.compareAndSet(false, true)) {
            logger.warn(
                    "Mixup site {} was reached twice in one forward pass (a block used twice?);"
                            + " it is mixed the first time only. This is logged once per run.",
                    site);
        }
    }

    /**
     * Logs, once per draw source, that a forward pass ended without reaching the site its draw
     * selected, so that nothing was mixed.
     *
     * @param site the site that was not reached
     */
    void warnNotReached(int site) {
        if (warnedNotReached.compareAndSet(false, true)) {
            logger.warn(
                    "Mixup site {} was selected but the forward pass did not reach it, so the"
                            + " batch was not mixed. A parent block that calls this child through"
                            + " a field of its own, not its children list, never reaches a site"
                            + " block put in the list; list other sites or annotate the class with"
                            + " @Mixable. This is logged once per run.",
                    site);
        }
    }

    /**
     * Returns whether a forward pass missed the site its draw selected during this source's run.
     *
     * @return whether the warning was logged
     */
    boolean hasWarnedNotReached() {
        return warnedNotReached.get();
    }

    /**
     * Returns whether a site was reached twice in one forward pass during this source's run.
     *
     * @return whether the warning was logged
     */
    boolean hasWarnedReachedTwice() {
        return warnedReachedTwice.get();
    }

    private DeviceStream newStream(Device device) {
        long deviceKey = 31L * device.getDeviceType().hashCode() + device.getDeviceId();
        return new DeviceStream(device, BetaSampler.create(folded, seed, deviceKey));
    }

    @Override
    public String toString() {
        return "DrawSource[alpha "
                + alpha
                + ", sites "
                + Arrays.toString(candidates)
                + ", seed "
                + seed
                + "]";
    }

    /** A device split's forward pass: its device and the thread it runs on. */
    private record SplitKey(Device device, Thread thread) {}

    /** The random stream of one device. */
    private final class DeviceStream {
        private final Device device;
        private final BetaSampler sampler;

        DeviceStream(Device device, BetaSampler sampler) {
            this.device = device;
            this.sampler = sampler;
        }

        synchronized Draw draw(NDArray input, int batchSize, double drawAlpha) {
            int site = candidates[sampler.index(candidates.length)];
            double[] lambda = sampler.sample(drawAlpha, batchSize);
            int[] permutation = sampler.permutation(batchSize);
            return new Draw(site, drawAlpha, permutation, lambda, input.getManager(), device);
        }
    }

    /** Builds a {@link DrawSource}. */
    public static final class Builder {
        private int siteCount = -1;
        private boolean inputMixup = true;
        private int[] sites;
        private long seed = System.nanoTime();
        private boolean folded = true;
        private double alpha = 0.4;

        Builder() {}

        /**
         * Sets the number of sites of the model's site table (numbered 1 to {@code count}).
         *
         * @param count the number of sites, {@code >= 0}
         * @return this builder
         */
        public Builder setSiteCount(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("siteCount must be >= 0, got " + count);
            }
            this.siteCount = count;
            return this;
        }

        /**
         * Sets whether the model input (site 0) is a candidate. Default true.
         *
         * @param inputMixup whether to mix the input too
         * @return this builder
         */
        public Builder optInputMixup(boolean inputMixup) {
            this.inputMixup = inputMixup;
            return this;
        }

        /**
         * Restricts the candidates to these sites of the table (each in 1 to the site count). By
         * default every site of the table is a candidate.
         *
         * @param sites the site numbers
         * @return this builder
         */
        public Builder optSites(int... sites) {
            this.sites = sites.clone();
            return this;
        }

        /**
         * Sets the seed. By default a seed is taken from the clock.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets whether weights are folded to {@code max(lambda, 1 - lambda)}. Default true.
         *
         * @param folded whether to fold
         * @return this builder
         */
        public Builder optFolded(boolean folded) {
            this.folded = folded;
            return this;
        }

        /**
         * Sets the initial alpha. Default 0.4.
         *
         * @param alpha finite and {@code >= 0}
         * @return this builder
         */
        public Builder optAlpha(double alpha) {
            this.alpha = BetaSampler.checkAlpha(alpha);
            return this;
        }

        /**
         * Builds the draw source.
         *
         * @return the draw source
         * @throws IllegalArgumentException if the site count is missing, a site is out of range, or
         *     no candidate remains
         */
        public DrawSource build() {
            if (siteCount < 0) {
                throw new IllegalArgumentException(
                        "siteCount is required: the number of sites of the model's table");
            }
            return new DrawSource(this);
        }

        int[] candidates() {
            int[] chosen;
            if (sites == null) {
                chosen = new int[siteCount];
                Arrays.setAll(chosen, i -> i + 1);
            } else {
                chosen = Arrays.stream(sites).distinct().sorted().toArray();
                for (int site : chosen) {
                    if (site < 1 || site > siteCount) {
                        throw new IllegalArgumentException(
                                "site "
                                        + site
                                        + " is not in the site table, whose sites are 1 to "
                                        + siteCount);
                    }
                }
            }
            int[] all = inputMixup ? new int[chosen.length + 1] : chosen;
            if (inputMixup) {
                System.arraycopy(chosen, 0, all, 1, chosen.length);
                all[0] = Draw.INPUT_SITE;
            }
            if (all.length == 0) {
                throw new IllegalArgumentException(
                        "no site to mix: the site table is empty and input mixup is off");
            }
            return all;
        }
    }
}
