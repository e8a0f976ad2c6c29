package io.github.manifoldmixup.runtime;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A thin delegating block in front of a mixup site: it runs the block it fronts, then hands the
 * output to {@link SiteHooks#afterSite}, which blends it when the current draw selected this site.
 *
 * <p>Every other method delegates to the fronted block, so a site block has no parameters, children
 * or saved state of its own: a model whose field or child was replaced by a site block names, saves
 * and loads its parameters exactly as the plain model does. Site blocks are made by {@link
 * SiteHooks#site(int, Block)}.
 */
public final class SiteBlock implements Block {

    private final Block delegate;
    private final SiteHooks hooks;
    private final int index;

    SiteBlock(Block delegate, SiteHooks hooks, int index) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.hooks = hooks;
        this.index = index;
    }

    /**
     * Returns the block this site fronts.
     *
     * @return the fronted block
     */
    public Block getDelegate() {
        return delegate;
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

    /** {@inheritDoc} */
    @Override
    public void setInitializer(Initializer initializer, Parameter.Type type) {
        delegate.setInitializer(initializer, type);
    }

    /** {@inheritDoc} */
    @Override
    public void setInitializer(Initializer initializer, String paramName) {
        delegate.setInitializer(initializer, paramName);
    }

    /** {@inheritDoc} */
    @Override
    public void setInitializer(Initializer initializer, Predicate<Parameter> predicate) {
        delegate.setInitializer(initializer, predicate);
    }

    /** {@inheritDoc} */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        delegate.initialize(manager, dataType, inputShapes);
    }

    /** {@inheritDoc} */
    @Override
    public boolean isInitialized() {
        return delegate.isInitialized();
    }

    /** {@inheritDoc} */
    @Override
    public void cast(DataType dataType) {
        delegate.cast(dataType);
    }

    /** {@inheritDoc} */
    @Override
    public void clear() {
        delegate.clear();
    }

    /** {@inheritDoc} */
    @Override
    public PairList<String, Shape> describeInput() {
        return delegate.describeInput();
    }

    /** {@inheritDoc} */
    @Override
    public BlockList getChildren() {
        return delegate.getChildren();
    }

    /** {@inheritDoc} */
    @Override
    public ParameterList getDirectParameters() {
        return delegate.getDirectParameters();
    }

    /** {@inheritDoc} */
    @Override
    public ParameterList getParameters() {
        return delegate.getParameters();
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return delegate.getOutputShapes(inputShapes);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes, DataType[] inputDataTypes) {
        return delegate.getOutputShapes(inputShapes, inputDataTypes);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getInputShapes() {
        return delegate.getInputShapes();
    }

    /** {@inheritDoc} */
    @Override
    public DataType[] getOutputDataTypes() {
        return delegate.getOutputDataTypes();
    }

    /** {@inheritDoc} */
    @Override
    public void saveParameters(DataOutputStream os) throws IOException {
        delegate.saveParameters(os);
    }

    /** {@inheritDoc} */
    @Override
    public void loadParameters(NDManager manager, DataInputStream is)
            throws IOException, MalformedModelException {
        delegate.loadParameters(manager, is);
    }

    /** {@inheritDoc} */
    @Override
    public void freezeParameters(boolean freeze) {
        delegate.freezeParameters(freeze);
    }

    /** {@inheritDoc} */
    @Override
    public void freezeParameters(boolean freeze, Predicate<Parameter> pred) {
        delegate.freezeParameters(freeze, pred);
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, String> getCustomMetadata() {
        return delegate.getCustomMetadata();
    }

    /** Returns the fronted block's description, so that model summaries read as the plain ones. */
    @Override
    public String toString() {
        return delegate.toString();
    }
}
