package io.github.manifoldmixup.runtime;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.util.Objects;

/**
 * The mixing machinery of one instrumented block, called by its forward pass: at the start ({@link
 * #enter}), after each site ({@link #afterSite}) and at the end ({@link #exit}).
 *
 * <p>Generated code and the run-time instrumentation use this class; a user rarely needs it. An
 * instrumented block owns one {@code SiteHooks} built on its site table. The outermost block is the
 * root: it holds the {@link DrawSource}, makes the draw of each training forward pass in {@link
 * #enter} and mixes the input when the draw selects site 0. A {@code @Mixable} block nested in
 * another is {@linkplain #nestUnder nested}: its sites are numbered within the outer table and its
 * draws come from the outer block.
 *
 * <p>Nothing is mixed in an evaluation pass ({@code training == false}) or without a draw source. A
 * site reached twice in one forward pass is mixed the first time only, and the draw source logs a
 * warning once.
 */
public final class SiteHooks {

    private final SiteTable table;
    private volatile DrawSource source;
    private volatile SiteHooks parent;
    private volatile int offset;

    /**
     * Returns the hooks of a block with this site table.
     *
     * @param table the block's sites
     */
    public SiteHooks(SiteTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Returns the site table these hooks number their sites by.
     *
     * @return the site table
     */
    public SiteTable getSiteTable() {
        return table;
    }

    /**
     * Sets the draw source of a root block.
     *
     * @param source the draw source, or {@code null} to stop mixing
     * @throws IllegalStateException if these hooks are nested in another block's
     */
    public void setDrawSource(DrawSource source) {
        if (parent != null) {
            throw new IllegalStateException(
                    "this block is nested in another instrumented block; hand the draw source to"
                            + " the outermost one");
        }
        this.source = source;
    }

    /**
     * Returns the draw source in effect, the root's for nested hooks.
     *
     * @return the draw source, or {@code null} if none
     */
    public DrawSource getDrawSource() {
        SiteHooks root = root();
        return root.source;
    }

    /**
     * Nests these hooks in an outer block's: site {@code i} of this table becomes site {@code
     * offset + i} of the outer one, and the outer block makes the draws.
     *
     * @param outer the hooks of the enclosing instrumented block
     * @param siteOffset the number of outer sites before this block's first one, {@code >= 0}
     */
    public void nestUnder(SiteHooks outer, int siteOffset) {
        Objects.requireNonNull(outer, "outer");
        if (siteOffset < 0) {
            throw new IllegalArgumentException("siteOffset must be >= 0, got " + siteOffset);
        }
        for (SiteHooks h = outer; h != null; h = h.parent) {
            if (h == this) {
                throw new IllegalArgumentException("hooks cannot be nested in themselves");
            }
        }
        this.source = null;
        this.offset = siteOffset;
        this.parent = outer;
    }

    /**
     * Undoes {@link #nestUnder}: these hooks number their sites by their own table again and take a
     * draw source of their own.
     */
    public void unnest() {
        this.parent = null;
        this.offset = 0;
    }

    /**
     * Returns whether these hooks are nested in another block's.
     *
     * @return whether a parent makes the draws
     */
    public boolean isNested() {
        return parent != null;
    }

    /**
     * Returns a thin delegating block that runs {@code child} and then {@link #afterSite} for site
     * {@code index}. It has no parameters or children of its own, so a class that keeps {@code
     * child} registered under its own name keeps its parameter names.
     *
     * @param index the site number in this table, in 1 to its size
     * @param child the block whose output is the site
     * @return the site block
     */
    public SiteBlock site(int index, Block child) {
        table.get(index);
        return new SiteBlock(child, this, index);
    }

    /**
     * Starts a forward pass of the block. A root block in a training pass with a draw source gets
     * the draw of its device and, if the draw selects the input, returns the blended input.
     *
     * @param inputs the block's inputs
     * @param training whether this is a training pass
     * @return the inputs to compute with
     */
    public NDList enter(NDList inputs, boolean training) {
        DrawSource drawSource = source;
        if (!training || parent != null || drawSource == null || inputs.isEmpty()) {
            return inputs;
        }
        Draw draw = drawSource.begin(inputs.head());
        if (draw.site() != Draw.INPUT_SITE) {
            return inputs;
        }
        if (!inputs.head().getDataType().isFloating()) {
            throw new IllegalStateException(
                    "input mixup needs a floating-point input, got "
                            + inputs.head().getDataType()
                            + "; turn input mixup off for this model");
        }
        return mix(draw, inputs, drawSource);
    }

    /**
     * Mixes the output of a site if the current draw selected it.
     *
     * @param index the site number in this table
     * @param output the site's output
     * @param training whether this is a training pass
     * @return the output, blended if the draw selected this site
     */
    public NDList afterSite(int index, NDList output, boolean training) {
        if (!training) {
            return output;
        }
        SiteHooks parentHooks = parent;
        if (parentHooks != null) {
            return parentHooks.afterSite(offset + index, output, true);
        }
        DrawSource drawSource = source;
        if (drawSource == null || output.isEmpty()) {
            return output;
        }
        Draw draw = drawSource.current(output.head().getDevice());
        if (draw == null || draw.isFinished() || draw.site() != index) {
            return output;
        }
        return mix(draw, output, drawSource);
    }

    /**
     * Ends a forward pass of the block. A root block in a training pass records its output with the
     * draw, so that the wrapped loss can tell these predictions were mixed.
     *
     * @param outputs the block's outputs
     * @param training whether this is a training pass
     * @return the outputs, unchanged
     */
    public NDList exit(NDList outputs, boolean training) {
        DrawSource drawSource = source;
        if (!training || parent != null || drawSource == null || outputs.isEmpty()) {
            return outputs;
        }
        Draw draw = drawSource.current(outputs.head().getDevice());
        if (draw != null && !draw.isFinished()) {
            draw.recordOutput(outputs);
            if (!draw.isApplied()) {
                drawSource.warnNotReached(draw.site());
            }
        }
        return outputs;
    }

    private static NDList mix(Draw draw, NDList states, DrawSource drawSource) {
        if (!draw.claimBlend()) {
            drawSource.warnReachedTwice(draw.site());
            return states;
        }
        return draw.blend(states);
    }

    private SiteHooks root() {
        SiteHooks h = this;
        while (h.parent != null) {
            h = h.parent;
        }
        return h;
    }
}
