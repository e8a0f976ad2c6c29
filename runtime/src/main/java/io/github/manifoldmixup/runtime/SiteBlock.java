package io.github.manifoldmixup.runtime;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A thin delegating block in front of a mixup site: it runs the block it fronts, then hands the
 * output to {@link SiteHooks#afterSite}, which blends it when the current draw selected this site.
 *
 * <p>Every other method delegates to the fronted block, so a site block has no parameters, children
 * or saved state of its own: a model whose field or child was replaced by a site block names, saves
 * and loads its parameters exactly as the plain model does. Site blocks are made by {@link
 * SiteHooks#site(int, Block)}.
 */
public final class SiteBlock extends DelegatingBlock {

    private final SiteHooks hooks;
    private final int index;

    SiteBlock(Block delegate, SiteHooks hooks, int index) {
        super(delegate);
        this.hooks = hooks;
        this.index = index;
    }

    /**
     * Returns the site number in the table of the hooks that made this block.
     *
     * @return the site number, from 1
     */
    public int getSiteIndex() {
        return index;
    }

    /** {@inheritDoc} */
    @Override
    public NDList forward(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDList output = delegate.forward(parameterStore, inputs, training, params);
        return hooks.afterSite(index, output, training);
    }

    /** {@inheritDoc} */
    @Override
    public NDList forward(
            ParameterStore parameterStore,
            NDList data,
            NDList labels,
            PairList<String, Object> params) {
        NDList output = delegate.forward(parameterStore, data, labels, params);
        return hooks.afterSite(index, output, true);
    }
}
