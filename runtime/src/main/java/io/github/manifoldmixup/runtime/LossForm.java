package io.github.manifoldmixup.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.lang.reflect.Field;

/**
 * How a DJL loss takes mixed targets.
 *
 * <p>Softmax cross-entropy with dense labels and sigmoid binary cross-entropy are linear in the
 * label, so the wrapped loss applied to the mixed targets {@code lambda * y + (1 - lambda) *
 * y[perm]} is exactly the per-sample interpolation {@code lambda * L(pred, y) + (1 - lambda) *
 * L(pred, y[perm])}, averaged as the loss averages. Softmax cross-entropy with sparse labels (class
 * indices) gets them as one-hot rows and is applied as its dense twin: the same loss with the same
 * weight, class axis and logit setting, reading dense labels. Any other loss (L1, L2, regression)
 * is applied to the mixed targets, as the reference implementation does.
 */
final class LossForm {

    /** The family of a loss. */
    enum Kind {
        SOFTMAX,
        SIGMOID,
        OTHER
    }

    private final Kind kind;
    private final Loss mixedLoss;
    private final boolean sparse;
    private final int classAxis;

    private LossForm(Kind kind, Loss mixedLoss, boolean sparse, int classAxis) {
        this.kind = kind;
        this.mixedLoss = mixedLoss;
        this.sparse = sparse;
        this.classAxis = classAxis;
    }

    static LossForm of(Loss loss) {
        if (loss instanceof SoftmaxCrossEntropyLoss) {
            return softmax((SoftmaxCrossEntropyLoss) loss);
        }
        if (loss instanceof SigmoidBinaryCrossEntropyLoss) {
            return new LossForm(Kind.SIGMOID, loss, false, -1);
        }
        return new LossForm(Kind.OTHER, loss, false, -1);
    }

    private static LossForm softmax(SoftmaxCrossEntropyLoss loss) {
        boolean sparse = (Boolean) read(loss, "sparseLabel");
        int classAxis = (Integer) read(loss, "classAxis");
        if (!sparse) {
            return new LossForm(Kind.SOFTMAX, loss, false, classAxis);
        }
        if (loss.getClass() != SoftmaxCrossEntropyLoss.class) {
            throw new IllegalArgumentException(
                    "mixup cannot mix the sparse labels of "
                            + loss.getClass().getName()
                            + ", a subclass of SoftmaxCrossEntropyLoss: construct it with"
                            + " sparseLabel=false and feed one-hot labels");
        }
        float weight = (Float) read(loss, "weight");
        boolean fromLogit = (Boolean) read(loss, "fromLogit");
        Loss dense =
                new SoftmaxCrossEntropyLoss(loss.getName(), weight, classAxis, false, fromLogit);
        return new LossForm(Kind.SOFTMAX, dense, true, classAxis);
    }

    private static Object read(SoftmaxCrossEntropyLoss loss, String name) {
        try {
            Field field = SoftmaxCrossEntropyLoss.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(loss);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read the setting '"
                            + name
                            + "' of this DJL version's SoftmaxCrossEntropyLoss, which mixup needs"
                            + " to mix its targets",
                    e);
        }
    }

    Kind kind() {
        return kind;
    }

    boolean isClassification() {
        return kind != Kind.OTHER;
    }

    /** Returns the loss to apply to mixed dense targets. */
    Loss mixedLoss() {
        return mixedLoss;
    }

    /**
     * Returns the targets in the form that mixes: one-hot rows for sparse class indices, floating
     * point for everything else.
     */
    NDArray denseTargets(NDArray labels, NDArray predictions) {
        if (sparse) {
            int rank = predictions.getShape().dimension();
            if (Math.floorMod(classAxis, rank) != rank - 1) {
                throw new IllegalArgumentException(
                        "mixup mixes sparse labels as one-hot rows along the last axis, but the"
                                + " loss's class axis is "
                                + classAxis
                                + " of predictions shaped "
                                + predictions.getShape());
            }
            int classes = Math.toIntExact(predictions.getShape().get(rank - 1));
            return labels.toType(DataType.INT64, false)
                    .oneHot(classes)
                    .toType(DataType.FLOAT32, false);
        }
        return labels.getDataType().isFloating() ? labels : labels.toType(DataType.FLOAT32, false);
    }
}
