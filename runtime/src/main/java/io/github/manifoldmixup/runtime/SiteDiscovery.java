package io.github.manifoldmixup.runtime;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.util.Pair;
import io.github.manifoldmixup.dsl.Mixable;
import io.github.manifoldmixup.dsl.NoMixup;
import io.github.manifoldmixup.dsl.NonMixableKinds;
import io.github.manifoldmixup.dsl.Residual;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses mixup sites in a DJL block tree that was not written with the annotations: a {@code
 * SequentialBlock} a user built, a model from DJL's model zoo such as {@code ResNetV1}, a block
 * loaded from a saved model.
 *
 * <p>A site is named by its path: the child names of the tree, as {@code getChildren()} gives them,
 * joined with dots ({@code 02ParallelBlock.01SequentialBlock}). The rules are those of the
 * annotation processor, in the same order; the first rule that finds a site decides:
 *
 * <ol>
 *   <li>{@link Rule#EXPLICIT}: the paths given by the user;
 *   <li>{@link Rule#ANNOTATED}: blocks whose class, or a superclass of it, carries {@link
 *       Mixable @Mixable} or {@link Residual @Residual};
 *   <li>{@link Rule#RESIDUAL_UNITS}: residual units it recognises: a {@code ParallelBlock} of two
 *       branches, one of them a short shortcut (at most two leaf blocks, such as an identity or a
 *       1x1 convolution with batch norm) and the other deeper, as DJL's ResNet builds them;
 *   <li>{@link Rule#DEFAULT}: every block that is not {@link NoMixup @NoMixup} and not of a
 *       non-mixable kind ({@link NonMixableKinds}, extended by the caller).
 * </ol>
 *
 * <p>The walk goes depth first in child order. It does not enter a site, a {@code @NoMixup} block,
 * a residual unit or a block of another composite kind (only pass-through containers such as {@code
 * SequentialBlock} are entered under rule 4), because a state mixed inside a branch no longer
 * matches the states beside it. The model's own block is never a site.
 *
 * <p>A site must be a child its parent holds in DJL's {@code AbstractBlock} children list, since
 * the run-time instrumentation puts a site block in its place there. <b>Limitation:</b> a parent
 * whose forward pass calls a child through a field of its own, instead of its children list, never
 * reaches the site block; such a site is never mixed, and the draw source warns once when a draw
 * selected a site that the forward pass did not reach. Annotate such a class with {@code @Mixable}
 * to have the processor instrument it instead.
 */
public final class SiteDiscovery {

    /** The rule that chose the sites. */
    public enum Rule {
        /** The paths the user listed. */
        EXPLICIT,
        /** Blocks whose class is annotated {@code @Mixable} or {@code @Residual}. */
        ANNOTATED,
        /** Recognised residual units. */
        RESIDUAL_UNITS,
        /** Every block that is not {@code @NoMixup} and not of a non-mixable kind. */
        DEFAULT
    }

    /**
     * A block of the tree that is a site.
     *
     * @param path the dotted path of the block
     * @param parent the block that holds it in its children list
     * @param childIndex its position in that list
     * @param block the block
     */
    record Found(String path, Block parent, int childIndex, Block block) {}

    private final SiteTable table;
    private final Rule rule;
    private final List<Found> sites;
    private final Map<String, String> rejected;

    private SiteDiscovery(
            SiteTable table, Rule rule, List<Found> sites, Map<String, String> rejected) {
        this.table = table;
        this.rule = rule;
        this.sites = sites;
        this.rejected = rejected;
    }

    /**
     * Chooses the sites of a block tree by the default rules.
     *
     * @param root the model's block
     * @return the discovery
     * @throws IllegalArgumentException if no site can be found; the message lists the blocks
     *     rejected and why
     */
    public static SiteDiscovery discover(Block root) {
        return discover(root, List.of(), Set.of());
    }

    /**
     * Chooses the sites of a block tree.
     *
     * @param root the model's block
     * @param explicitPaths dotted paths to use as the sites (rule 1), or empty for the other rules
     * @param extraNonMixable fully qualified class names to treat as non-mixable under rule 4, in
     *     addition to the default list
     * @return the discovery
     * @throws IllegalArgumentException if a path is unknown (the message names the closest valid
     *     paths), or if no site can be found (the message lists the blocks rejected and why)
     */
    public static SiteDiscovery discover(
            Block root, List<String> explicitPaths, Collection<String> extraNonMixable) {
        Objects.requireNonNull(root, "root");
        Walk walk = new Walk(Set.copyOf(extraNonMixable));
        walk.collect("", root);
        if (!explicitPaths.isEmpty()) {
            return walk.explicit(explicitPaths);
        }
        for (Rule rule : new Rule[] {Rule.ANNOTATED, Rule.RESIDUAL_UNITS, Rule.DEFAULT}) {
            Map<String, String> rejected = new LinkedHashMap<>();
            List<Found> found = new ArrayList<>();
            walk.choose(rule, root, "", found, rejected);
            if (!found.isEmpty()) {
                return walk.result(rule, found, rejected);
            }
            if (rule == Rule.DEFAULT) {
                throw noSite(root, rejected);
            }
        }
        throw new AssertionError("the default rule decides");
    }

    /**
     * Returns the sites as a table, numbered from 1 in walk order.
     *
     * @return the site table; its {@code toString()} prints paths and kinds
     */
    public SiteTable getSiteTable() {
        return table;
    }

    /**
     * Returns the rule that chose the sites.
     *
     * @return the rule
     */
    public Rule getRule() {
        return rule;
    }

    /**
     * Returns the blocks the chosen rule looked at and did not take, with the reason, by path.
     *
     * @return reasons by path, in walk order
     */
    public Map<String, String> getRejected() {
        return rejected;
    }

    List<Found> sites() {
        return sites;
    }

    @Override
    public String toString() {
        return table.size()
                + " sites by rule "
                + rule.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ":\n"
                + table;
    }

    private static IllegalArgumentException noSite(Block root, Map<String, String> rejected) {
        String reasons =
                rejected.isEmpty()
                        ? "the block has no children"
                        : rejected.entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining("; "));
        return new IllegalArgumentException(
                "no mixup site found in "
                        + root.getClass().getName()
                        + " (rejected: "
                        + reasons
                        + "); list sites by path, or annotate the model class with @Mixable");
    }

    /** The tree, flattened once, and the rules applied to it. */
    private static final class Walk {
        private final Set<String> extraNonMixable;
        private final Map<String, Found> byPath = new LinkedHashMap<>();

        Walk(Set<String> extraNonMixable) {
            this.extraNonMixable = extraNonMixable;
        }

        void collect(String prefix, Block parent) {
            List<Pair<String, Block>> children = parent.getChildren().stream().toList();
            for (int i = 0; i < children.size(); i++) {
                Pair<String, Block> child = children.get(i);
                String path = join(prefix, child.getKey());
                Block block = unwrap(child.getValue());
                byPath.put(path, new Found(path, parent, i, block));
                collect(path, block);
            }
        }

        SiteDiscovery explicit(List<String> paths) {
            Set<String> wanted = new LinkedHashSet<>();
            for (String path : paths) {
                if (!byPath.containsKey(path)) {
                    throw unknownPath(path);
                }
                if (!wanted.add(path)) {
                    throw new IllegalArgumentException("site path '" + path + "' is listed twice");
                }
            }
            List<Found> found = new ArrayList<>();
            Map<String, String> rejected = new LinkedHashMap<>();
            for (Found candidate : byPath.values()) {
                if (wanted.contains(candidate.path())) {
                    String problem = replaceability(candidate);
                    if (problem != null) {
                        throw new IllegalArgumentException(
                                "site '"
                                        + candidate.path()
                                        + "' cannot be instrumented: "
                                        + problem);
                    }
                    found.add(candidate);
                }
            }
            return result(Rule.EXPLICIT, found, rejected);
        }

        void choose(
                Rule rule,
                Block parent,
                String prefix,
                List<Found> found,
                Map<String, String> rejected) {
            for (Pair<String, Block> child : parent.getChildren()) {
                Found candidate = byPath.get(join(prefix, child.getKey()));
                Block block = candidate.block();
                if (hasMark(block, NoMixup.class)) {
                    rejected.put(candidate.path(), "@NoMixup");
                    continue;
                }
                boolean site = isSite(rule, block, candidate, rejected);
                if (site) {
                    String problem = replaceability(candidate);
                    if (problem == null) {
                        found.add(candidate);
                        continue;
                    }
                    rejected.put(candidate.path(), problem);
                }
                if (entersInto(rule, block)) {
                    choose(rule, block, candidate.path(), found, rejected);
                }
            }
        }

        private boolean isSite(
                Rule rule, Block block, Found candidate, Map<String, String> rejected) {
            switch (rule) {
                case ANNOTATED:
                    return hasMark(block, Mixable.class) || hasMark(block, Residual.class);
                case RESIDUAL_UNITS:
                    return isResidualUnit(block);
                case DEFAULT:
                    String reason = nonMixableReason(block.getClass());
                    if (reason != null) {
                        rejected.put(candidate.path(), reason);
                        return false;
                    }
                    return true;
                default:
                    throw new AssertionError(rule);
            }
        }

        private boolean entersInto(Rule rule, Block block) {
            if (hasMark(block, Residual.class)
                    || hasMark(block, Mixable.class)
                    || isResidualUnit(block)) {
                return false;
            }
            return rule != Rule.DEFAULT || isPassThrough(block.getClass());
        }

        private String nonMixableReason(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (extraNonMixable.contains(c.getName())) {
                    return NonMixableKinds.Reason.USER_LISTED.words();
                }
                NonMixableKinds.Reason reason = NonMixableKinds.defaultReason(c.getName());
                if (reason != null) {
                    return reason.words();
                }
            }
            return null;
        }

        private static boolean isPassThrough(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (NonMixableKinds.defaultReason(c.getName())
                        == NonMixableKinds.Reason.PASS_THROUGH_CONTAINER) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isResidualUnit(Block block) {
            if (!(block instanceof ParallelBlock) || block.getChildren().size() != 2) {
                return false;
            }
            int first = leaves(block.getChildren().get(0).getValue());
            int second = leaves(block.getChildren().get(1).getValue());
            return Math.min(first, second) <= 2
                    && Math.max(first, second) > Math.min(first, second);
        }

        private static int leaves(Block block) {
            if (block.getChildren().isEmpty()) {
                return 1;
            }
            int count = 0;
            for (Block child : block.getChildren().values()) {
                count += leaves(unwrap(child));
            }
            return count;
        }

        private static String replaceability(Found candidate) {
            if (!(candidate.parent() instanceof AbstractBlock)) {
                return "its parent "
                        + candidate.parent().getClass().getSimpleName()
                        + " is not an AbstractBlock, so the child cannot be replaced";
            }
            return null;
        }

        SiteDiscovery result(Rule rule, List<Found> found, Map<String, String> rejected) {
            List<Site> entries = new ArrayList<>();
            for (Found f : found) {
                boolean residual =
                        rule == Rule.RESIDUAL_UNITS
                                || hasMark(f.block(), Residual.class)
                                || isResidualUnit(f.block());
                entries.add(
                        new Site(
                                entries.size() + 1,
                                f.path(),
                                f.block().getClass().getName(),
                                residual));
            }
            return new SiteDiscovery(
                    SiteTable.of(entries),
                    rule,
                    List.copyOf(found),
                    Collections.unmodifiableMap(new LinkedHashMap<>(rejected)));
        }

        private IllegalArgumentException unknownPath(String path) {
            List<String> closest =
                    byPath.keySet().stream()
                            .sorted(
                                    Comparator.comparingInt(
                                            (String p) ->
                                                    AbstractManifoldMixup.editDistance(path, p)))
                            .limit(3)
                            .toList();
            return new IllegalArgumentException(
                    "unknown site path '" + path + "'; closest block paths: " + closest);
        }

        private static String join(String prefix, String name) {
            return prefix.isEmpty() ? name : prefix + "." + name;
        }
    }

    /**
     * Returns whether the block's class or one of its superclasses carries the annotation, as the
     * processor reads the marks of a field's type.
     */
    static boolean hasMark(Block block, Class<? extends Annotation> mark) {
        for (Class<?> c = block.getClass(); c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(mark)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the block behind a site block left from an earlier run. */
    static Block unwrap(Block block) {
        Block b = block;
        while (b instanceof SiteBlock) {
            b = ((SiteBlock) b).getDelegate();
        }
        return b;
    }
}
