package io.github.manifoldmixup.runtime;

import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link ManifoldMixup} and {@link DynamicManifoldMixup} share: they mix a hidden state at one
 * site of an instrumented model, or the model input, chosen afresh for every training batch.
 *
 * <p>When the model's block, or a block inside it, is instrumented (the class the annotation
 * processor generates for a {@code @Mixable} model), the sites are those of its site table, or the
 * explicit list of its paths given by {@link SiteOptions#optSites}. Any other block tree gets its
 * sites from {@link SiteDiscovery} at training begin, with the same rules as the processor (the
 * explicit list, then annotated classes, then residual units, then every block not of a non-mixable
 * kind); the chosen children are replaced by site blocks for the run and put back at training end,
 * or when the trainer is closed. With input mixup on, the model input is one more candidate. When
 * the model's own block is not instrumented, the listener also wraps it in a {@link MixupRoot} for
 * the length of the run.
 */
public abstract sealed class AbstractManifoldMixup extends AbstractMixup
        permits ManifoldMixup, DynamicManifoldMixup {

    private final boolean inputMixup;
    private final boolean inputOnly;
    private final List<String> sitePaths;
    private final Set<String> nonMixable;
    private volatile SiteTable siteTable;

    AbstractManifoldMixup(SiteOptions<?> options, AlphaPlan alphaPlan) {
        super(options.seed, options.folded, alphaPlan);
        this.inputMixup = options.inputMixup;
        this.inputOnly = options.inputOnly;
        this.sitePaths = List.copyOf(options.sitePaths);
        this.nonMixable = Set.copyOf(options.nonMixable);
    }

    /**
     * Returns whether the model input is a candidate site.
     *
     * @return whether input mixup is on
     */
    public boolean isInputMixup() {
        return inputMixup;
    }

    /**
     * Returns the explicit site paths, empty when every site of the table is a candidate.
     *
     * @return the dotted paths given to the builder
     */
    public List<String> getSitePaths() {
        return sitePaths;
    }

    /**
     * Returns the site table of the model being trained, or of the last model trained.
     *
     * @return the table, or {@code null} before the first training run
     */
    public SiteTable getSiteTable() {
        return siteTable;
    }

    @Override
    Instrumentation attach(Trainer trainer) {
        return inputOnly
                ? Instrumentation.attachInputOnly(trainer.getModel())
                : Instrumentation.attach(trainer.getModel(), sitePaths, nonMixable);
    }

    @Override
    void configure(DrawSource.Builder builder, Instrumentation attached) {
        SiteTable table = attached.root().getSiteTable();
        builder.setSiteCount(table.size()).optInputMixup(inputMixup);
        if (inputOnly) {
            builder.optSites();
        } else if (!sitePaths.isEmpty() && attached.discovery() == null) {
            builder.optSites(resolve(table));
        }
        siteTable = table;
    }

    @Override
    String describe() {
        if (inputOnly) {
            return "mixing the model input only";
        }
        SiteTable table = siteTable;
        List<String> paths = sitePaths.isEmpty() ? table.paths() : sitePaths;
        return paths.size() + " sites " + paths + (inputMixup ? " and the input" : "");
    }

    private int[] resolve(SiteTable table) {
        int[] indices = new int[sitePaths.size()];
        for (int i = 0; i < indices.length; i++) {
            String path = sitePaths.get(i);
            indices[i] = table.find(path).orElseThrow(() -> unknownSite(path, table)).index();
        }
        return indices;
    }

    private static IllegalArgumentException unknownSite(String path, SiteTable table) {
        List<String> closest = new ArrayList<>(table.paths());
        closest.sort(Comparator.comparingInt(candidate -> editDistance(path, candidate)));
        return new IllegalArgumentException(
                "unknown site path '"
                        + path
                        + "'; closest sites: "
                        + closest.subList(0, Math.min(3, closest.size()))
                        + " (all sites: "
                        + table.paths()
                        + ")");
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        Arrays.setAll(previous, j -> j);
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The settings of the manifold listeners beyond seed and folding: input mixup and the sites.
     *
     * @param <T> the concrete builder
     */
    public abstract static class SiteOptions<T extends SiteOptions<T>> extends BaseBuilder<T> {
        boolean inputMixup = true;
        boolean inputOnly;
        List<String> sitePaths = List.of();
        Set<String> nonMixable = Set.of();

        SiteOptions() {}

        /**
         * Sets whether the model input is a candidate site (site 0), as in input mixup. Default
         * true.
         *
         * @param inputMixup whether to mix the input too
         * @return this builder
         */
        public T optInputMixup(boolean inputMixup) {
            this.inputMixup = inputMixup;
            this.inputOnly = inputOnly && inputMixup;
            return self();
        }

        /**
         * Mixes the model input only, never a hidden state: input mixup (Zhang et al., ICLR 2018),
         * the baseline manifold mixup is measured against. Any model works; none of its blocks is
         * touched.
         *
         * @return this builder
         */
        public T optInputOnly() {
            this.inputMixup = true;
            this.inputOnly = true;
            return self();
        }

        /**
         * Restricts the candidate sites to these dotted paths of the model's site table, such as
         * {@code "stage2.conv1"}. By default every site of the table is a candidate. An unknown
         * path is an error at training begin that names the closest valid paths.
         *
         * @param paths the dotted paths
         * @return this builder
         */
        public T optSites(String... paths) {
            return optSites(Arrays.asList(paths));
        }

        /**
         * Restricts the candidate sites to these dotted paths of the model's site table.
         *
         * @param paths the dotted paths
         * @return this builder
         * @see #optSites(String...)
         */
        public T optSites(List<String> paths) {
            for (String path : paths) {
                Objects.requireNonNull(path, "site path");
            }
            this.sitePaths = List.copyOf(paths);
            return self();
        }

        /**
         * Adds block classes that the run-time site discovery never chooses by its default rule, on
         * top of {@link io.github.manifoldmixup.dsl.NonMixableKinds}'s list. Only models without an
         * instrumented block are discovered at run time.
         *
         * @param classNames fully qualified class names; subclasses are excluded too
         * @return this builder
         */
        public T optNonMixable(String... classNames) {
            this.nonMixable = Set.of(classNames);
            return self();
        }
    }
}
