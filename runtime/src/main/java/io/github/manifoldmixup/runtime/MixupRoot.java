package io.github.manifoldmixup.runtime;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The instrumented root that a mixup listener puts around a model's block when that block is not
 * itself instrumented, for the length of a training run.
 *
 * <p>It makes the draw of each training forward pass, mixes the model input when the draw selects
 * site 0, and records the predictions for the wrapped loss; the sites themselves are instrumented
 * blocks found inside the model (nested under this root), site blocks put in place of chosen
 * children for models not written with the annotations, or, for output mixup, the model output.
 * Everything else is the wrapped block's, so parameter names and saved files are unchanged. The
 * listener puts the original block back at the end of training; while training runs, {@code
 * model.getBlock()} returns this root and {@link #getDelegate()} the original block.
 */
public final class MixupRoot extends DelegatingBlock implements InstrumentedBlock {

    /** The path of the model output as a site, for output mixup. */
    static final String OUTPUT_PATH = "output";

    private final SiteHooks hooks;
    private final int outputSite;

    /**
     * Wraps a block.
     *
     * @param delegate the model's block
     * @param table the sites of the run
     * @param outputSite the site number of the model output, or 0 if the output is not a site
     */
    MixupRoot(Block delegate, SiteTable table, int outputSite) {
        super(delegate);
        this.hooks = new SiteHooks(table);
        this.outputSite = outputSite;
    }

    /** {@inheritDoc} */
    @Override
    public SiteHooks getSiteHooks() {
        return hooks;
    }

    /** {@inheritDoc} */
    @Override
    public NDList forward(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDList mixed = hooks.enter(inputs, training);
        return finish(delegate.forward(parameterStore, mixed, training, params), training);
    }

    /** {@inheritDoc} */
    @Override
    public NDList forward(
            ParameterStore parameterStore,
            NDList data,
            NDList labels,
            PairList<String, Object> params) {
        NDList mixed = hooks.enter(data, true);
        return finish(delegate.forward(parameterStore, mixed, labels, params), true);
    }

    private NDList finish(NDList output, boolean training) {
        NDList out = outputSite > 0 ? hooks.afterSite(outputSite, output, training) : output;
        return hooks.exit(out, training);
    }
}
