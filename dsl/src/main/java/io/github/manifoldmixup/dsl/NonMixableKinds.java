package io.github.manifoldmixup.dsl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The default list of DJL block kinds that are never chosen as mixup sites by the default rule
 * (rule 3 of {@link Mixable}), shared by the annotation processor and the run-time site discovery.
 *
 * <p>Kinds are named by fully qualified class name, so that this module needs no DJL classes. A
 * block is of a kind when its class or any of its superclasses has that name. The list holds:
 *
 * <ul>
 *   <li>dropout: its output is its input with noise, not a new hidden state;
 *   <li>normalisation (batch and layer norm): a mixed state would be renormalised with statistics
 *       of the mixed batch, and batch norm's running statistics would learn from mixed data;
 *   <li>recurrent layers: their output mixes time steps, and they are an error as explicit sites;
 *   <li>pass-through containers: a {@code SequentialBlock} only hands data from one child to the
 *       next, so its output is the output of its last child, which is a candidate of its own.
 * </ul>
 *
 * <p>The processor option {@value #PROCESSOR_OPTION} extends the list with more class names,
 * separated by commas; the run-time discovery takes extra names from its builder.
 */
public final class NonMixableKinds {

    /**
     * The annotation processor option that adds class names to the list, for example {@code
     * -Amixup.nonMixable=com.example.MyNorm,com.example.MyNoise}.
     */
    public static final String PROCESSOR_OPTION = "mixup.nonMixable";

    /** Why a block kind is excluded, in words that error messages and logs can use. */
    public enum Reason {
        /** Dropout: output is the input with noise. */
        DROPOUT("dropout"),
        /** Batch or layer normalisation. */
        NORMALISATION("normalisation layer"),
        /** A recurrent layer (RNN, LSTM, GRU). */
        RECURRENT("recurrent layer"),
        /** A container whose output is its last child's output. */
        PASS_THROUGH_CONTAINER("pass-through container"),
        /** A class named by the user as non-mixable. */
        USER_LISTED("kind listed as non-mixable");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        /**
         * Returns the reason in a few lowercase words, such as {@code "recurrent layer"}.
         *
         * @return the reason in words
         */
        public String words() {
            return words;
        }
    }

    private static final Map<String, Reason> DEFAULTS = defaults();

    private NonMixableKinds() {}

    private static Map<String, Reason> defaults() {
        Map<String, Reason> kinds = new LinkedHashMap<>();
        kinds.put("ai.djl.nn.norm.Dropout", Reason.DROPOUT);
        kinds.put("ai.djl.nn.norm.BatchNorm", Reason.NORMALISATION);
        kinds.put("ai.djl.nn.norm.GhostBatchNorm", Reason.NORMALISATION);
        kinds.put("ai.djl.nn.norm.LayerNorm", Reason.NORMALISATION);
        kinds.put("ai.djl.nn.recurrent.RecurrentBlock", Reason.RECURRENT);
        kinds.put("ai.djl.nn.recurrent.RNN", Reason.RECURRENT);
        kinds.put("ai.djl.nn.recurrent.LSTM", Reason.RECURRENT);
        kinds.put("ai.djl.nn.recurrent.GRU", Reason.RECURRENT);
        kinds.put("ai.djl.nn.SequentialBlock", Reason.PASS_THROUGH_CONTAINER);
        return Collections.unmodifiableMap(kinds);
    }

    /**
     * Returns the fully qualified class names of the default list, in a stable order.
     *
     * @return the default non-mixable class names
     */
    public static Set<String> defaultClassNames() {
        return DEFAULTS.keySet();
    }

    /**
     * Returns why the class of this name is non-mixable by default, looking at this one name only
     * (callers walk the superclasses).
     *
     * @param qualifiedClassName a fully qualified class name, such as {@code
     *     ai.djl.nn.norm.Dropout}
     * @return the reason, or {@code null} when the name is not in the default list
     */
    public static Reason defaultReason(String qualifiedClassName) {
        return DEFAULTS.get(qualifiedClassName);
    }

    /**
     * Returns whether the class of this name is a recurrent layer of DJL (looking at this one name
     * only). A recurrent layer is never a site, not even when marked {@link Mixable @Mixable}.
     *
     * @param qualifiedClassName a fully qualified class name
     * @return whether it names a DJL recurrent layer
     */
    public static boolean isRecurrent(String qualifiedClassName) {
        return defaultReason(qualifiedClassName) == Reason.RECURRENT;
    }

    /**
     * Splits the value of the processor option {@value #PROCESSOR_OPTION} into class names.
     *
     * @param optionValue comma-separated class names; {@code null} or blank gives none
     * @return the trimmed, non-empty names, in order
     */
    public static Set<String> parseOption(String optionValue) {
        Set<String> names = new LinkedHashSet<>();
        if (optionValue == null) {
            return names;
        }
        for (String part : optionValue.split(",")) {
            String name = part.trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
