package io.github.manifoldmixup.runtime;

import ai.djl.nn.Block;

/**
 * A block that can mix hidden states: the class the annotation processor generates for a
 * {@code @Mixable} model, or a block tree instrumented at run time.
 *
 * <p>A mixup training listener finds the instrumented block behind a trainer's model, reads its
 * site table, and hands it the draw source of the run; the block then blends after the site that
 * each training forward pass's draw selects. Without a draw source, and in every evaluation pass,
 * it computes exactly what the plain model computes.
 */
public interface InstrumentedBlock extends Block {

    /**
     * Returns the mixing machinery this block's forward pass calls, built on its site table.
     *
     * @return the site hooks
     */
    SiteHooks getSiteHooks();

    /**
     * Returns the mixup sites of this block.
     *
     * @return the site table
     */
    default SiteTable getSiteTable() {
        return getSiteHooks().getSiteTable();
    }

    /**
     * Hands this block the draw source of a training run, or takes it back.
     *
     * @param source the draw source, or {@code null} to stop mixing
     * @throws IllegalStateException if the block is nested in another instrumented block, whose
     *     draw source it uses
     */
    default void setDrawSource(DrawSource source) {
        getSiteHooks().setDrawSource(source);
    }
}
