package io.github.manifoldmixup.runtime;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.util.Pair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Connects a model to a training run's mixing: finds the instrumented block behind the model and,
 * when it is not the model's own block, wraps the model's block in a {@link MixupRoot} for the run.
 */
final class Instrumentation {

    private final Model model;
    private final Block originalBlock;
    private final InstrumentedBlock root;
    private final List<SiteHooks> nested;

    private Instrumentation(
            Model model, Block originalBlock, InstrumentedBlock root, List<SiteHooks> nested) {
        this.model = model;
        this.originalBlock = originalBlock;
        this.root = root;
        this.nested = nested;
    }

    /**
     * Instruments a model for a training run.
     *
     * @param model the trainer's model
     * @return the instrumentation, to release at the end of the run
     * @throws IllegalArgumentException if the model has no block or no instrumented block
     */
    static Instrumentation attach(Model model) {
        Block block = ownBlock(model);
        if (block instanceof InstrumentedBlock) {
            return new Instrumentation(model, block, (InstrumentedBlock) block, List.of());
        }
        List<Pair<String, InstrumentedBlock>> found = findInstrumented(block);
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    "the model's block ("
                            + block.getClass().getName()
                            + ") contains no instrumented block: annotate the model class with"
                            + " @Mixable and build the generated Mixup<Name> class, so that the"
                            + " annotation processor gives it mixup sites");
        }
        List<Site> sites = new ArrayList<>();
        for (Pair<String, InstrumentedBlock> entry : found) {
            for (Site site : entry.getValue().getSiteTable().sites()) {
                sites.add(
                        new Site(
                                sites.size() + 1,
                                entry.getKey() + "." + site.path(),
                                site.blockType(),
                                site.residual()));
            }
        }
        MixupRoot wrapper = new MixupRoot(block, SiteTable.of(sites), 0);
        List<SiteHooks> nested = new ArrayList<>();
        int offset = 0;
        for (Pair<String, InstrumentedBlock> entry : found) {
            SiteHooks hooks = entry.getValue().getSiteHooks();
            hooks.nestUnder(wrapper.getSiteHooks(), offset);
            nested.add(hooks);
            offset += entry.getValue().getSiteTable().size();
        }
        model.setBlock(wrapper);
        return new Instrumentation(model, block, wrapper, nested);
    }

    /**
     * Makes the model output the one site of a run, whatever the model's block is.
     *
     * @param model the trainer's model
     * @return the instrumentation, to release at the end of the run
     */
    static Instrumentation attachOutput(Model model) {
        Block block = ownBlock(model);
        String type = block.getClass().getName();
        SiteTable table = SiteTable.of(new Site(1, MixupRoot.OUTPUT_PATH, type, false));
        MixupRoot wrapper = new MixupRoot(block, table, 1);
        model.setBlock(wrapper);
        return new Instrumentation(model, block, wrapper, List.of());
    }

    /** Returns the model's block, unwrapping a root left from a run that was not released. */
    private static Block ownBlock(Model model) {
        Block block = model.getBlock();
        if (block == null) {
            throw new IllegalArgumentException("the model has no block to train");
        }
        if (block instanceof MixupRoot) {
            block = ((MixupRoot) block).getDelegate();
            model.setBlock(block);
        }
        return block;
    }

    /**
     * Returns the outermost instrumented blocks of a tree, with their dotted paths, in the order of
     * a breadth-first walk of the children.
     */
    private static List<Pair<String, InstrumentedBlock>> findInstrumented(Block block) {
        List<Pair<String, InstrumentedBlock>> found = new ArrayList<>();
        Deque<Pair<String, Block>> queue = new ArrayDeque<>();
        for (Pair<String, Block> child : block.getChildren()) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Pair<String, Block> entry = queue.poll();
            if (entry.getValue() instanceof InstrumentedBlock) {
                found.add(new Pair<>(entry.getKey(), (InstrumentedBlock) entry.getValue()));
                continue;
            }
            for (Pair<String, Block> child : entry.getValue().getChildren()) {
                queue.add(new Pair<>(entry.getKey() + "." + child.getKey(), child.getValue()));
            }
        }
        return found;
    }

    /**
     * Returns the block that makes the draws and numbers the sites of the run.
     *
     * @return the instrumented root
     */
    InstrumentedBlock root() {
        return root;
    }

    /** Takes the draw source back and restores the model's own block. */
    void release() {
        root.setDrawSource(null);
        nested.forEach(SiteHooks::unnest);
        if (model.getBlock() == root && root != originalBlock) {
            model.setBlock(originalBlock);
        }
    }
}
