package io.github.manifoldmixup.processor;

import java.util.Locale;

/**
 * Every message the processor prints, each a template that starts with a stable bracketed tag.
 *
 * <p>Errors say what is wrong and how to fix it; the tag lets a user search for the rule and lets
 * tests name the message without its wording.
 */
enum Message {
    CONFLICTING_ANNOTATIONS(
            "MIXUP_CONFLICT",
            "%s is marked both @%s and @NoMixup, which contradict each other: @%s makes it a mixup"
                    + " site, @NoMixup excludes it. Keep one of the two."),
    MIXABLE_AND_RESIDUAL_CLASS(
            "MIXUP_RESIDUAL_CLASS",
            "class %s is marked both @Mixable and @Residual, but nothing inside a residual unit is a"
                    + " site. Keep @Residual to make every field of this type one site, or"
                    + " @Mixable to mix inside it."),
    MIXABLE_INSIDE_RESIDUAL(
            "MIXUP_INSIDE_RESIDUAL",
            "field %s is marked @Mixable inside the residual unit %s, where nothing is a site: a"
                    + " state mixed in the branch no longer matches the unmixed skip path. Remove"
                    + " @Mixable here; the output of the whole unit is the site."),
    SITE_OF_NO_MIXUP_TYPE(
            "MIXUP_NOMIXUP_TYPE",
            "field %s is marked @%s, but its type %s is a @NoMixup class, which is never a site."
                    + " Remove @%s from the field or @NoMixup from the class."),
    FIELD_NOT_A_BLOCK(
            "MIXUP_NOT_A_BLOCK",
            "field %s is marked @%s, but its type %s is not a DJL block (ai.djl.nn.Block); only"
                    + " child blocks can be mixup sites. Remove @%s or give the field a block"
                    + " type."),
    STATIC_FIELD(
            "MIXUP_STATIC_FIELD",
            "field %s is marked @%s, but it is static, and a child block is an instance field."
                    + " Make the field an instance field or remove @%s."),
    RECURRENT_SITE(
            "MIXUP_RECURRENT_SITE",
            "field %s is marked @%s, but it is a recurrent layer (%s), whose output mixes the"
                    + " time steps of a sample, so it cannot be a site. Remove @%s, or mark a"
                    + " block after it."),
    PRIVATE_FIELD(
            "MIXUP_PRIVATE_FIELD",
            "field %s is private, but the generated subclass %s %s it. Make the field"
                    + " package-private, protected or public."),
    FINAL_SITE_FIELD(
            "MIXUP_FINAL_SITE_FIELD",
            "site field %s is final, but %s writes its own forward, so the generated subclass"
                    + " must replace the field by a site block that fronts it. Remove final."),
    SITE_FIELD_TYPE(
            "MIXUP_SITE_FIELD_TYPE",
            "site field %s is declared as %s, but %s writes its own forward, so the generated"
                    + " subclass replaces the field by a site block, which is only an"
                    + " ai.djl.nn.Block. Declare the field as Block."),
    FINAL_FORWARD(
            "MIXUP_FINAL_FORWARD",
            "%s is final, but the generated subclass %s overrides it to start and end the mixing"
                    + " of each forward pass. Remove final."),
    RESERVED_FIELD_NAME(
            "MIXUP_RESERVED_NAME",
            "field %s would be hidden by the field of the same name of the generated subclass %s."
                    + " Rename it."),
    NESTING_CYCLE(
            "MIXUP_NESTING_CYCLE",
            "field %s nests the @Mixable class %s inside itself, so its sites would never end."
                    + " Mark the field @NoMixup or @Residual."),
    NESTED_INVALID(
            "MIXUP_NESTED_INVALID",
            "field %s nests the @Mixable class %s, which has errors of its own (first: %s). Fix"
                    + " those, or mark the field @NoMixup or @Residual."),
    NESTED_NOT_GENERATED(
            "MIXUP_NESTED_NOT_GENERATED",
            "field %s nests the @Mixable class %s, but its generated class %s is not on the"
                    + " classpath. Compile %s with the mixup annotation processor, or mark the"
                    + " field @NoMixup or @Residual."),
    CLASS_NOT_A_BLOCK(
            "MIXUP_NOT_A_BLOCK_CLASS",
            "@Mixable %s %s is not a DJL block class: the generated subclass registers children"
                    + " and overrides forwardInternal, so it must extend ai.djl.nn.AbstractBlock."
                    + " Extend AbstractBlock (or a DJL block built on it)."),
    FINAL_CLASS(
            "MIXUP_FINAL_CLASS",
            "@Mixable class %s is final, but the processor generates a subclass of it. Remove"
                    + " final."),
    PRIVATE_CLASS(
            "MIXUP_PRIVATE_CLASS",
            "@Mixable class %s is private, or nested in a private class, so the generated"
                    + " subclass %s cannot extend it. Make it package-private or public."),
    INNER_CLASS(
            "MIXUP_INNER_CLASS",
            "@Mixable class %s is an inner class, but the generated subclass %s is a top-level"
                    + " class and has no enclosing instance to give it. Make the class static."),
    NO_CONSTRUCTOR(
            "MIXUP_NO_CONSTRUCTOR",
            "@Mixable class %s has no constructor that a subclass in package %s can call (all are"
                    + " private). Add a package-private, protected or public constructor."),
    ABSTRACT_METHOD(
            "MIXUP_ABSTRACT_METHOD",
            "@Mixable class %s leaves the method %s abstract, and the generated subclass does not"
                    + " implement it (%s). Implement it in %s."),
    NO_SITE(
            "MIXUP_NO_SITE",
            "@Mixable class %s has no mixup site: none of its block fields qualifies. Mark the"
                    + " fields whose output may be mixed with @Mixable (or @Residual for a"
                    + " residual unit); a field that is @NoMixup or of a non-mixable kind"
                    + " (dropout, normalisation, recurrent, sequential container) is never chosen"
                    + " by default."),
    UNRESOLVED_TYPES(
            "MIXUP_UNRESOLVED",
            "@Mixable class %s uses the type %s, which could not be resolved, so %s was not"
                    + " generated. Fix the missing type."),
    INTERNAL_ERROR(
            "MIXUP_INTERNAL",
            "the mixup processor failed on %s (a bug in the processor, not in your code): %s"),
    SITES_NOTE("MIXUP_SITES", "%s generates %s (%s) with the sites:%n%s");

    private final String tag;
    private final String template;

    Message(String tag, String template) {
        this.tag = tag;
        this.template = template;
    }

    /**
     * Returns the bracketed tag that starts the message, such as {@code [MIXUP_FINAL_CLASS]}.
     *
     * @return the tag with its brackets
     */
    String tag() {
        return "[" + tag + "]";
    }

    /**
     * Fills in the template.
     *
     * @param args the values of the template's {@code %s} placeholders, in order
     * @return the message, tag first
     */
    String format(Object... args) {
        return tag() + " " + String.format(Locale.ROOT, template, args);
    }
}
