package io.github.manifoldmixup.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The mixup sites of a model, numbered from 1 in declaration order; site 0 is the model input.
 *
 * <p>The annotation processor writes the table of each {@code @Mixable} class as a constant of the
 * generated class, so nothing is discovered by reflection at run time; the run-time site discovery
 * builds one for a block tree. {@link #toString()} prints it as a small text table.
 */
public final class SiteTable {

    private final List<Site> sites;

    private SiteTable(List<Site> sites) {
        this.sites = Collections.unmodifiableList(new ArrayList<>(sites));
    }

    /**
     * Returns a table of these sites.
     *
     * @param sites the sites, numbered 1, 2, ... in order, with distinct paths
     * @return the table
     * @throws IllegalArgumentException if the numbering has a gap or a path repeats
     */
    public static SiteTable of(Site... sites) {
        return of(List.of(sites));
    }

    /**
     * Returns a table of these sites.
     *
     * @param sites the sites, numbered 1, 2, ... in order, with distinct paths
     * @return the table
     * @throws IllegalArgumentException if the numbering has a gap or a path repeats
     */
    public static SiteTable of(List<Site> sites) {
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            if (site.index() != i + 1) {
                throw new IllegalArgumentException(
                        "site "
                                + site.path()
                                + " has index "
                                + site.index()
                                + ", expected "
                                + (i + 1));
            }
            if (!paths.add(site.path())) {
                throw new IllegalArgumentException("site path " + site.path() + " appears twice");
            }
        }
        return new SiteTable(sites);
    }

    /**
     * Returns the sites in order.
     *
     * @return an unmodifiable list; element {@code i} is site {@code i + 1}
     */
    public List<Site> sites() {
        return sites;
    }

    /**
     * Returns the number of sites, not counting the model input.
     *
     * @return the number of sites
     */
    public int size() {
        return sites.size();
    }

    /**
     * Returns the site of a number.
     *
     * @param index the site number, in 1 to {@link #size()}
     * @return the site
     * @throws IllegalArgumentException if there is no such site
     */
    public Site get(int index) {
        if (index < 1 || index > sites.size()) {
            throw new IllegalArgumentException(
                    "no site " + index + "; the sites are 1 to " + sites.size());
        }
        return sites.get(index - 1);
    }

    /**
     * Finds a site by its dotted path.
     *
     * @param path a dotted path such as {@code stage2.conv1}
     * @return the site, or empty if no site has this path
     */
    public Optional<Site> find(String path) {
        return sites.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /**
     * Returns the paths of the sites in order.
     *
     * @return the dotted paths
     */
    public List<String> paths() {
        return sites.stream().map(Site::path).toList();
    }

    /**
     * Prints the table: one line per site with its number, path, kind and whether it is a residual
     * unit, after a line for the input.
     *
     * @return the table as text
     */
    @Override
    public String toString() {
        int width = "(input)".length();
        for (Site site : sites) {
            width = Math.max(width, site.path().length());
        }
        String row = "%3s  %-" + width + "s  %s%n";
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, row, "#", "path", "kind"));
        text.append(String.format(Locale.ROOT, row, 0, "(input)", "input mixup"));
        for (Site site : sites) {
            String kind = site.kind() + (site.residual() ? " (residual unit)" : "");
            text.append(String.format(Locale.ROOT, row, site.index(), site.path(), kind));
        }
        return text.toString();
    }
}
