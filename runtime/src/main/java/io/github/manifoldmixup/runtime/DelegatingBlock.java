package io.github.manifoldmixup.runtime;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A block that hands every call to another block. Subclasses add what happens around the forward
 * pass; everything else (parameters, children, shapes, saving and loading) is the delegate's, so
 * the wrapper is invisible in parameter names and saved files.
 */
public abstract class DelegatingBlock implements Block {

    /** The block every call is handed to. */
    protected final Block delegate;

    /**
     * Wraps a block.
     *
     * @param delegate the block every call is handed to
     */
    protected DelegatingBlock(Block delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns the wrapped block.
     *
     * @return the block every call is handed to
     */
    public Block getDelegate() {
        return delegate;
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

    /** Returns the wrapped block's description, so that model summaries read as the plain ones. */
    @Override
    public String toString() {
        return delegate.toString();
    }
}
