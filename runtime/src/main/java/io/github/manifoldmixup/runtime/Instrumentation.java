package io.github.manifoldmixup.runtime;

import ai.djl.Model;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.util.Pair;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a model to a training run's mixing: finds the instrumented block behind the model or,
 * for a model not written with the annotations, puts site blocks in place of the children that
 * {@link SiteDiscovery} chooses; when the model's own block is not instrumented, wraps it in a
 * {@link MixupRoot} for the run. {@link #release()} undoes all of it.
 */
final class Instrumentation {

    private static final Logger logger = LoggerFactory.getLogger(Instrumentation.class);

    private final Model model;
    private final Block originalBlock;
    private final InstrumentedBlock root;
    private final List<SiteHooks> nested;
    private final List<Replacement> replacements;
    private final SiteDiscovery discovery;

    private Instrumentation(
            Model model,
            Block originalBlock,
            InstrumentedBlock root,
            List<SiteHooks> nested,
            List<Replacement> replacements,
            SiteDiscovery discovery) {
        this.model = model;
        this.originalBlock = originalBlock;
        this.root = root;
        this.nested = nested;
        this.replacements = replacements;
        this.discovery = discovery;
    }

    /** A child of a container that a site block stands in for during the run. */
    private record Replacement(AbstractBlock parent, int index, String name, Block original) {}

    /**
     * Instruments a model for a training run: uses its instrumented block if it has one, else
     * chooses sites in its block tree with {@link SiteDiscovery}.
     *
     * @param model the trainer's model
     * @param sitePaths explicit site paths for a tree without instrumented block, or empty
     * @param extraNonMixable class names the discovery treats as non-mixable
     * @return the instrumentation, to release at the end of the run
     * @throws IllegalArgumentException if the model has no block, or no site can be found
     */
    static Instrumentation attach(
            Model model, List<String> sitePaths, Collection<String> extraNonMixable) {
        Block block = ownBlock(model);
        if (block instanceof InstrumentedBlock) {
            return new Instrumentation(
                    model, block, (InstrumentedBlock) block, List.of(), List.of(), null);
        }
        List<Pair<String, InstrumentedBlock>> found = findInstrumented(block);
        if (found.isEmpty()) {
            return discover(model, block, sitePaths, extraNonMixable);
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
        return new Instrumentation(model, block, wrapper, nested, List.of(), null);
    }

    private static Instrumentation discover(
            Model model, Block block, List<String> sitePaths, Collection<String> extraNonMixable) {
        SiteDiscovery discovery = SiteDiscovery.discover(block, sitePaths, extraNonMixable);
        logger.info(
                "Run-time mixup sites of {}: {} by rule {}",
                block.getClass().getSimpleName(),
                discovery.getSiteTable().size(),
                discovery.getRule());
        MixupRoot wrapper = new MixupRoot(block, discovery.getSiteTable(), 0);
        List<Replacement> replacements = new ArrayList<>();
        int index = 1;
        for (SiteDiscovery.Found site : discovery.sites()) {
            AbstractBlock parent = (AbstractBlock) site.parent();
            BlockList children = childrenOf(parent);
            String name = children.get(site.childIndex()).getKey();
            Block current = children.get(site.childIndex()).getValue();
            Block original = SiteDiscovery.unwrap(current);
            SiteBlock siteBlock = wrapper.getSiteHooks().site(index++, original);
            children.remove(site.childIndex());
            children.add(site.childIndex(), name, siteBlock);
            replacements.add(new Replacement(parent, site.childIndex(), name, original));
        }
        model.setBlock(wrapper);
        return new Instrumentation(model, block, wrapper, List.of(), replacements, discovery);
    }

    /** Returns the live children list of a DJL block, which {@code getChildren()} only copies. */
    private static BlockList childrenOf(AbstractBlock parent) {
        try {
            Field field = AbstractBlock.class.getDeclaredField("children");
            field.setAccessible(true);
            return (BlockList) field.get(parent);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot reach the children list of "
                            + parent.getClass().getName()
                            + " in this DJL version, which run-time mixup instrumentation needs;"
                            + " annotate the model class with @Mixable instead",
                    e);
        }
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
        return new Instrumentation(model, block, wrapper, List.of(), List.of(), null);
    }

    /**
     * Makes the model input the only site of a run, whatever the model's block is.
     *
     * @param model the trainer's model
     * @return the instrumentation, to release at the end of the run
     */
    static Instrumentation attachInputOnly(Model model) {
        Block block = ownBlock(model);
        if (block instanceof InstrumentedBlock) {
            return new Instrumentation(
                    model, block, (InstrumentedBlock) block, List.of(), List.of(), null);
        }
        MixupRoot wrapper = new MixupRoot(block, SiteTable.of(), 0);
        model.setBlock(wrapper);
        return new Instrumentation(model, block, wrapper, List.of(), List.of(), null);
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

    /**
     * Returns the run-time discovery that chose the sites, if the model had no instrumented block.
     *
     * @return the discovery, or {@code null}
     */
    SiteDiscovery discovery() {
        return discovery;
    }

    /** Takes the draw source back and restores the model's own blocks. */
    void release() {
        root.setDrawSource(null);
        nested.forEach(SiteHooks::unnest);
        for (Replacement r : replacements) {
            BlockList children = childrenOf(r.parent());
            children.remove(r.index());
            children.add(r.index(), r.name(), r.original());
        }
        if (model.getBlock() == root && root != originalBlock) {
            model.setBlock(originalBlock);
        }
    }
}
