package io.github.manifoldmixup.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one training forward pass of one device split shares between the blend and the loss: the
 * chosen site, the permutation that pairs each sample with a partner, one interpolation weight per
 * sample, and the alpha they were drawn with.
 *
 * <p>The permutation and the weights live on the split's device (for the blend) and on the host
 * (for inspection and for losses computed on the host). Draws are made by a {@link DrawSource}; a
 * draw's device arrays belong to a manager of its own, under the manager of the batch it was made
 * for, so they are released with the batch at the latest.
 */
public final class Draw {

    /** The site number of the model input. */
    public static final int INPUT_SITE = 0;

    private final int site;
    private final double alpha;
    private final Device device;
    private final int[] permutation;
    private final double[] lambda;
    private final NDManager manager;
    private final NDArray permutationArray;
    private final NDArray lambdaArray;
    private final AtomicBoolean mixed = new AtomicBoolean();
    private volatile boolean finished;
    private volatile NDArray output;

    Draw(
            int site,
            double alpha,
            int[] permutation,
            double[] lambda,
            NDManager parent,
            Device device) {
        this.site = site;
        this.alpha = alpha;
        this.permutation = permutation;
        this.lambda = lambda;
        this.device = device;
        this.manager = parent.newSubManager();
        manager.setName("mixup-draw");
        long[] perm = new long[permutation.length];
        float[] weights = new float[lambda.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = permutation[i];
            weights[i] = (float) lambda[i];
        }
        this.permutationArray = manager.create(perm);
        this.lambdaArray = manager.create(weights);
    }

    /**
     * Returns the chosen site: {@link #INPUT_SITE} for the model input, else the index of a site in
     * the model's {@link SiteTable}, from 1.
     *
     * @return the chosen site
     */
    public int site() {
        return site;
    }

    /**
     * Returns the alpha the weights were drawn with.
     *
     * @return alpha, {@code >= 0}
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Returns the device of the split this draw belongs to.
     *
     * @return the device
     */
    public Device device() {
        return device;
    }

    /**
     * Returns the number of samples of the split.
     *
     * @return the batch size
     */
    public int batchSize() {
        return permutation.length;
    }

    /**
     * Returns the partner of each sample, an int64 array of shape {@code (n)} on the device.
     *
     * @return the permutation on the device
     */
    public NDArray permutation() {
        return permutationArray;
    }

    /**
     * Returns the weight of each sample's own state, a float32 array of shape {@code (n)} on the
     * device.
     *
     * @return the weights on the device
     */
    public NDArray lambda() {
        return lambdaArray;
    }

    /**
     * Returns a copy of the permutation on the host.
     *
     * @return the partner of each sample
     */
    public int[] permutationOnHost() {
        return permutation.clone();
    }

    /**
     * Returns a copy of the weights on the host.
     *
     * @return the weight of each sample's own state
     */
    public double[] lambdaOnHost() {
        return lambda.clone();
    }

    /**
     * Blends a batch of this split with this draw's permutation and weights.
     *
     * @param x the batch, batch axis first, of {@link #batchSize()} samples, on {@link #device()}
     * @return the blend, see {@link Blend#blend(NDArray, NDArray, NDArray)}
     */
    public NDArray blend(NDArray x) {
        return Blend.blend(x, permutationArray, lambdaArray);
    }

    /**
     * Blends every floating-point array of a list whose batch axis has {@link #batchSize()}
     * samples, and passes the others through.
     *
     * @param list the arrays, such as the output of a block
     * @return a new list of the same length
     */
    public NDList blend(NDList list) {
        NDList out = new NDList(list.size());
        for (NDArray array : list) {
            out.add(isBlendable(array) ? blend(array) : array);
        }
        return out;
    }

    boolean isBlendable(NDArray array) {
        return array.getDataType().isFloating()
                && array.getShape().dimension() >= 1
                && array.getShape().get(0) == permutation.length;
    }

    /**
     * Claims the one blend this draw allows.
     *
     * @return true the first time, false afterwards
     */
    boolean claimBlend() {
        return mixed.compareAndSet(false, true);
    }

    /**
     * Returns whether a state has been blended with this draw.
     *
     * @return whether the draw has been applied
     */
    public boolean isApplied() {
        return mixed.get();
    }

    /**
     * Records the predictions of the forward pass this draw was made for.
     *
     * @param predictions the output of the model
     */
    void recordOutput(NDList predictions) {
        output = predictions.isEmpty() ? null : predictions.get(0);
    }

    /**
     * Returns whether these predictions are the output of the forward pass this draw was made for.
     * The wrapped loss uses this to tell a mixed training batch from an unmixed evaluation of the
     * same device.
     *
     * @param predictions the predictions handed to a loss
     * @return whether they came from this draw's forward pass
     */
    public boolean producedPredictions(NDList predictions) {
        NDArray recorded = output;
        return recorded != null && !predictions.isEmpty() && predictions.get(0) == recorded;
    }

    boolean isFinished() {
        return finished;
    }

    void finish() {
        finished = true;
    }

    void close() {
        output = null;
        manager.close();
    }

    @Override
    public String toString() {
        return "Draw[site "
                + site
                + ", alpha "
                + alpha
                + ", "
                + permutation.length
                + " samples on "
                + device
                + "]";
    }
}
