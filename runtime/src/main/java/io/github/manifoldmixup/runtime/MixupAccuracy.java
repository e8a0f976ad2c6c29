package io.github.manifoldmixup.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.evaluator.Evaluator;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classification accuracy that knows about mixup: on a mixed training batch, a prediction counts
 * {@code lambda_i} when it matches the sample's own label and {@code 1 - lambda_i} when it matches
 * its partner's, since plain accuracy on mixed batches misleads; on unmixed batches (validation,
 * evaluation) it is plain accuracy.
 *
 * <p>Predictions are scores with the classes on the last axis; labels are class indices or one-hot
 * rows. Get one from {@link AbstractMixup#accuracy()} and add it to the {@code TrainingConfig} with
 * {@code addEvaluator}. {@link #evaluate} returns the (weighted) accuracy of the batch.
 */
public final class MixupAccuracy extends Evaluator {

    private final AbstractMixup owner;
    private final Map<String, Double> correct = new ConcurrentHashMap<>();

    MixupAccuracy(String name, AbstractMixup owner) {
        super(name);
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray counts = correctCounts(labels, predictions);
        return counts.mean();
    }

    /** {@inheritDoc} */
    @Override
    public void addAccumulator(String key) {
        totalInstances.put(key, 0L);
        correct.put(key, 0.0);
    }

    /** {@inheritDoc} */
    @Override
    public void updateAccumulator(String key, NDList labels, NDList predictions) {
        updateAccumulators(new String[] {key}, labels, predictions);
    }

    /** {@inheritDoc} */
    @Override
    public void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
        NDArray counts = correctCounts(labels, predictions);
        long total = counts.size();
        double sum = counts.sum().toType(DataType.FLOAT64, false).getDouble();
        for (String key : keys) {
            totalInstances.compute(key, (k, v) -> v == null ? total : v + total);
            correct.compute(key, (k, v) -> v == null ? sum : v + sum);
        }
    }

    /** {@inheritDoc} */
    @Override
    public void resetAccumulator(String key) {
        totalInstances.put(key, 0L);
        correct.put(key, 0.0);
    }

    /** {@inheritDoc} */
    @Override
    public float getAccumulator(String key) {
        Long total = totalInstances.get(key);
        if (total == null || total == 0) {
            return Float.NaN;
        }
        return (float) (correct.get(key) / total);
    }

    /** Returns, per sample, how much its prediction counts as correct: in [0, 1]. */
    private NDArray correctCounts(NDList labels, NDList predictions) {
        MixupLoss.checkBatchSizes(labels, predictions);
        Draw draw = owner.drawFor(predictions);
        NDArray scores = predictions.head();
        NDArray predicted = scores.argMax(-1);
        NDArray label = classIndices(labels.head(), scores).reshape(predicted.getShape());
        NDArray own = predicted.eq(label).toType(DataType.FLOAT32, false);
        if (draw == null || !draw.isApplied()) {
            return own;
        }
        NDArray partnerLabel = label.get(draw.permutation());
        NDArray partner = predicted.eq(partnerLabel).toType(DataType.FLOAT32, false);
        NDArray lambda = draw.lambda().reshape(lambdaShape(own));
        return partner.add(own.sub(partner).mul(lambda));
    }

    private static NDArray classIndices(NDArray label, NDArray scores) {
        if (label.getShape().equals(scores.getShape())) {
            return label.argMax(-1);
        }
        return label.toType(DataType.INT64, false);
    }

    private static Shape lambdaShape(NDArray perSample) {
        long[] shape = new long[perSample.getShape().dimension()];
        Arrays.fill(shape, 1);
        shape[0] = perSample.getShape().get(0);
        return new Shape(shape);
    }
}
