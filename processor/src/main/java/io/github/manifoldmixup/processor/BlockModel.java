package io.github.manifoldmixup.processor;

import com.squareup.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What the processor writes for one valid {@code @Mixable} class.
 *
 * @param element the user's class
 * @param userClass the name of the user's class
 * @param generatedClass the name of the generated subclass, {@code MixupFoo}
 * @param customForward whether the user's class writes its own {@code forwardInternal}
 * @param publicForward whether the user's class made {@code forwardInternal} public, so that the
 *     generated override must be public too
 * @param writeOutputShapes whether the generated class chains {@code getOutputShapes} through the
 *     children (declarative classes that do not declare it)
 * @param writeInitializeChildren whether the generated class initialises the children in a chain
 *     (declarative classes that do not declare {@code initializeChildBlocks})
 * @param children the child block fields that the generated code touches, in declaration order:
 *     every block field of a declarative class; the site and nested fields of a custom-forward one
 * @param sites the site table, nested sites included, numbered from 1
 * @param constructors the constructors of the user's class that the generated one mirrors
 */
record BlockModel(
        TypeElement element,
        ClassName userClass,
        ClassName generatedClass,
        boolean customForward,
        boolean publicForward,
        boolean writeOutputShapes,
        boolean writeInitializeChildren,
        List<Child> children,
        List<SiteEntry> sites,
        List<ExecutableElement> constructors) {

    /** How a child block field takes part in the instrumentation. */
    enum Role {
        /** Its output is a site of this class. */
        SITE,
        /** Its type is a {@code @Mixable} class whose sites are nested in this table. */
        NESTED,
        /** A child without site (only a declarative class chains it). */
        PLAIN
    }

    /**
     * A child block field.
     *
     * @param name the field name
     * @param role how it takes part
     * @param siteIndex its site number for {@link Role#SITE}, else 0
     * @param siteOffset for {@link Role#NESTED}, the number of sites of this table before the
     *     nested ones, else 0
     * @param nestedGenerated for {@link Role#NESTED}, the generated class of the nested type, which
     *     has the {@code bindSites} method; else {@code null}
     */
    record Child(
            String name, Role role, int siteIndex, int siteOffset, ClassName nestedGenerated) {}

    /**
     * One row of the site table.
     *
     * @param index the site number, from 1
     * @param path the dotted field path
     * @param blockType the binary name of the field's declared type, as {@code Class.getName()}
     *     gives it
     * @param residual whether the site is a residual unit
     */
    record SiteEntry(int index, String path, String blockType, boolean residual) {}

    /** Returns the site table as text, one indented line per site, for notes. */
    String sitesAsText() {
        List<String> rows = new ArrayList<>();
        for (SiteEntry site : sites) {
            rows.add(
                    String.format(
                            Locale.ROOT,
                            "  %d %s %s%s",
                            site.index(),
                            site.path(),
                            site.blockType(),
                            site.residual() ? " (residual unit)" : ""));
        }
        return String.join("\n", rows);
    }

    /** Returns the name of the class generated for a user's class: {@code MixupOuter_Inner}. */
    static ClassName generatedName(ClassName userClass) {
        return ClassName.get(
                userClass.packageName(), "Mixup" + String.join("_", userClass.simpleNames()));
    }
}
