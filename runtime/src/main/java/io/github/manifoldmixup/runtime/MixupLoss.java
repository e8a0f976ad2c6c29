package io.github.manifoldmixup.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.Objects;

/**
 * A DJL loss wrapped for mixup training: on the predictions of a mixed training pass it mixes the
 * targets with the pass's draw; on anything else it is the wrapped loss, untouched.
 *
 * <p>For softmax cross-entropy (sparse or dense labels) and sigmoid binary cross-entropy
 * (multi-label), the value is the per-sample interpolation {@code lambda_i * L(pred_i, y_i) + (1 -
 * lambda_i) * L(pred_i, y_perm(i))}, averaged as the wrapped loss averages. For any other loss (L1,
 * L2, regression), the targets are interpolated with the same weights and the wrapped loss is
 * applied to them. Validation and evaluation batches are never mixed: their predictions come from
 * no mixed pass. Because the draw is found from the predictions themselves, the training loss that
 * DJL's evaluator listener logs is the loss that was optimised, whatever the order of listeners.
 *
 * <p>Get one from {@link AbstractMixup#wrap(Loss)} and put it in the {@code TrainingConfig} of the
 * run whose listener made it. The name is the wrapped loss's, so logs read as usual.
 */
public final class MixupLoss extends Loss {

    private final AbstractMixup owner;
    private final Loss wrapped;
    private final LossForm form;

    MixupLoss(AbstractMixup owner, Loss wrapped, LossForm form) {
        super(wrapped.getName());
        this.owner = Objects.requireNonNull(owner, "owner");
        this.wrapped = wrapped;
        this.form = form;
    }

    /**
     * Returns the loss this one wraps.
     *
     * @return the wrapped loss
     */
    public Loss getWrappedLoss() {
        return wrapped;
    }

    /**
     * Returns the listener whose draws this loss follows.
     *
     * @return the mixup listener
     */
    public AbstractMixup getListener() {
        return owner;
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        checkBatchSizes(labels, predictions);
        Draw draw = owner.drawFor(predictions);
        if (draw == null) {
            return wrapped.evaluate(labels, predictions);
        }
        if (!draw.isApplied()) {
            return wrapped.evaluate(labels, predictions);
        }
        NDArray targets = form.denseTargets(labels.head(), predictions.head());
        NDArray mixedTargets = draw.blend(targets);
        return form.mixedLoss().evaluate(new NDList(mixedTargets), predictions);
    }

    static void checkBatchSizes(NDList labels, NDList predictions) {
        if (labels.isEmpty() || predictions.isEmpty()) {
            throw new IllegalArgumentException(
                    "mixup needs labels and predictions, got "
                            + labels.size()
                            + " label and "
                            + predictions.size()
                            + " prediction arrays");
        }
        NDArray label = labels.head();
        NDArray prediction = predictions.head();
        if (label.getShape().dimension() == 0
                || prediction.getShape().dimension() == 0
                || label.getShape().get(0) != prediction.getShape().get(0)) {
            throw new IllegalArgumentException(
                    "labels and predictions must have the same batch size (first axis), got"
                            + " labels shaped "
                            + label.getShape()
                            + " and predictions shaped "
                            + prediction.getShape());
        }
    }
}
