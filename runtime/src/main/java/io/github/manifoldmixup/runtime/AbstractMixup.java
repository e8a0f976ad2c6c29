package io.github.manifoldmixup.runtime;

import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the four mixup listeners share: a DJL {@link TrainingListener} that owns the draws of a
 * training run, and the factories of the loss and accuracy that follow those draws.
 *
 * <p>Use it in two places of a {@code TrainingConfig}: the wrapped loss, {@code new
 * DefaultTrainingConfig(mixup.wrap(loss))}, and the listener, {@code
 * config.addTrainingListeners(mixup)}. At training begin the listener checks that the trainer's
 * loss is its own wrapped loss and makes the draw source of the run; after every training batch it
 * ends the batch's draws and sets alpha for the next one; at training end (or when the trainer is
 * closed) it releases everything, so the model is the plain model again.
 *
 * <p>A listener serves one training run at a time.
 */
public abstract sealed class AbstractMixup implements TrainingListener
        permits AbstractManifoldMixup, AbstractOutputMixup {

    private static final Logger logger = LoggerFactory.getLogger(AbstractMixup.class);

    private final long seed;
    private final boolean folded;
    private final AlphaPlan alphaPlan;
    private volatile DrawSource source;
    private volatile Instrumentation instrumentation;
    private long step;
    private long largestBatch;
    private long batchesOfFirstEpoch;

    AbstractMixup(Long seed, boolean folded, AlphaPlan alphaPlan) {
        this.seed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        this.folded = folded;
        this.alphaPlan = Objects.requireNonNull(alphaPlan, "alphaPlan");
    }

    /**
     * Wraps a DJL loss so that it mixes the targets of mixed training batches.
     *
     * @param loss the loss to wrap, such as {@code Loss.softmaxCrossEntropyLoss()}
     * @return the wrapped loss, to pass to the {@code TrainingConfig}
     * @throws IllegalArgumentException if the loss is already wrapped, or this listener cannot mix
     *     it
     */
    public MixupLoss wrap(Loss loss) {
        Objects.requireNonNull(loss, "loss");
        if (loss instanceof MixupLoss) {
            throw new IllegalArgumentException("this loss is already wrapped for mixup");
        }
        LossForm form = LossForm.of(loss);
        checkLoss(loss, form);
        return new MixupLoss(this, loss, form);
    }

    /**
     * Returns a mixup-aware training accuracy named {@code "MixupAccuracy"}.
     *
     * @return the evaluator, to add with {@code TrainingConfig.addEvaluator}
     */
    public MixupAccuracy accuracy() {
        return accuracy("MixupAccuracy");
    }

    /**
     * Returns a mixup-aware training accuracy.
     *
     * @param name the evaluator's name in logs and metrics
     * @return the evaluator, to add with {@code TrainingConfig.addEvaluator}
     */
    public MixupAccuracy accuracy(String name) {
        return new MixupAccuracy(name, this);
    }

    /**
     * Returns the seed of the draws.
     *
     * @return the seed, chosen at random when the builder was given none
     */
    public long getSeed() {
        return seed;
    }

    /**
     * Returns whether interpolation weights are folded to {@code max(lambda, 1 - lambda)}.
     *
     * @return whether weights are folded
     */
    public boolean isFolded() {
        return folded;
    }

    /**
     * Returns the draw source of the running training, for inspection.
     *
     * @return the draw source, or {@code null} outside a training run
     */
    public DrawSource getDrawSource() {
        return source;
    }

    /** {@inheritDoc} */
    @Override
    public void onTrainingBegin(Trainer trainer) {
        requireOwnLoss(trainer);
        step = 0;
        largestBatch = 0;
        batchesOfFirstEpoch = 0;
        DrawSource.Builder builder =
                DrawSource.builder()
                        .optSeed(seed)
                        .optFolded(folded)
                        .optAlpha(alphaPlan.alphaAt(0, 0));
        Instrumentation attached = attach(trainer);
        try {
            configure(builder, attached);
            DrawSource started = builder.build();
            attached.root().setDrawSource(started);
            instrumentation = attached;
            source = started;
        } catch (RuntimeException e) {
            attached.release();
            throw e;
        }
        logger.info("{}: {}, {}, seed {}", getClass().getSimpleName(), describe(), alphaPlan, seed);
    }

    /** {@inheritDoc} */
    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        DrawSource current = source;
        if (current == null) {
            return;
        }
        current.finishBatch();
        step++;
        current.setAlpha(alphaPlan.alphaAt(step, stepsPerEpoch(batchData.getBatch())));
    }

    /**
     * Returns the number of training batches of an epoch: counted once the first epoch ended,
     * estimated before that from the batch's progress total (DJL's iterators count samples) and the
     * largest batch seen; 0 while unknown.
     */
    private long stepsPerEpoch(Batch batch) {
        if (batchesOfFirstEpoch > 0) {
            return batchesOfFirstEpoch;
        }
        if (batch == null || batch.getProgressTotal() <= 0) {
            return 0;
        }
        largestBatch = Math.max(largestBatch, batch.getSize());
        return (batch.getProgressTotal() + largestBatch - 1) / largestBatch;
    }

    /** {@inheritDoc} */
    @Override
    public void onTrainingEnd(Trainer trainer) {
        DrawSource current = source;
        Instrumentation attached = instrumentation;
        source = null;
        instrumentation = null;
        if (attached != null) {
            attached.release();
        }
        if (current != null) {
            current.clear();
        }
    }

    /** {@inheritDoc} */
    @Override
    public void onEpoch(Trainer trainer) {
        if (batchesOfFirstEpoch == 0) {
            batchesOfFirstEpoch = step;
        }
    }

    /** {@inheritDoc} */
    @Override
    public void onValidationBatch(Trainer trainer, BatchData batchData) {}

    /** Checks at {@link #wrap} time that this listener can mix the loss. */
    void checkLoss(Loss loss, LossForm form) {}

    /** Instruments the trainer's model for the run; released at training end. */
    abstract Instrumentation attach(Trainer trainer);

    /** Sets the sites of the run's draw source, once the model is instrumented. */
    abstract void configure(DrawSource.Builder builder, Instrumentation attached);

    /** Describes the mixing for the log line at training begin. */
    abstract String describe();

    /**
     * Returns the draw that these predictions were trained with, or {@code null} if they come from
     * no mixed training pass.
     */
    Draw drawFor(NDList predictions) {
        DrawSource current = source;
        return current == null ? null : current.forPredictions(predictions);
    }

    boolean isAttached() {
        return source != null;
    }

    /**
     * The settings every mixup listener has: the seed of its draws and whether weights are folded.
     *
     * @param <T> the concrete builder
     */
    public abstract static class BaseBuilder<T extends BaseBuilder<T>> {
        Long seed;
        boolean folded = true;

        BaseBuilder() {}

        /**
         * Sets the seed of the draws; the same seed, model and data give the same draws. By default
         * a random seed is chosen and logged at training begin.
         *
         * @param seed the seed
         * @return this builder
         */
        public T optSeed(long seed) {
            this.seed = seed;
            return self();
        }

        /**
         * Sets whether each weight is folded to {@code max(lambda, 1 - lambda)}, so that a mixed
         * sample stays closer to its own target, as the reference implementation does. Default
         * true.
         *
         * @param folded whether to fold the weights
         * @return this builder
         */
        public T optFolded(boolean folded) {
            this.folded = folded;
            return self();
        }

        /**
         * Returns this builder.
         *
         * @return this builder, as its concrete type
         */
        protected abstract T self();
    }

    private void requireOwnLoss(Trainer trainer) {
        Loss loss = trainer.getLoss();
        if (!(loss instanceof MixupLoss) || ((MixupLoss) loss).getListener() != this) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName()
                            + " needs the trainer's loss to be the one it wrapped, got "
                            + (loss == null ? "none" : loss.getClass().getSimpleName())
                            + ": build the config with new DefaultTrainingConfig(mixup.wrap(loss))"
                            + " using this listener");
        }
    }
}
