package io.github.manifoldmixup.samples.training;

import io.github.manifoldmixup.runtime.AbstractMixup;
import io.github.manifoldmixup.runtime.DynamicManifoldMixup;
import io.github.manifoldmixup.runtime.DynamicOutputMixup;
import io.github.manifoldmixup.runtime.ManifoldMixup;
import io.github.manifoldmixup.runtime.OutputMixup;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A way of training: plain, or one of the mixup variants. */
public enum Method {
    /** Plain training, the baseline. */
    NONE,
    /** Input mixup: only the images are mixed. */
    INPUT,
    /** Manifold mixup over the model's sites and its input. */
    MANIFOLD,
    /** Mixup of the logits. */
    OUTPUT,
    /** Manifold mixup with alpha growing from 0 along a cosine. */
    DYNAMIC_MANIFOLD,
    /** Output mixup with alpha growing from 0 along a cosine. */
    DYNAMIC_OUTPUT;

    /**
     * Returns the name used on the command line, such as {@code dynamic-manifold}.
     *
     * @return the name
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Finds a method by its command-line name.
     *
     * @param name a name such as {@code manifold}
     * @return the method
     * @throws IllegalArgumentException if no method has this name; the message lists them
     */
    public static Method fromCliName(String name) {
        for (Method method : values()) {
            if (method.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new IllegalArgumentException(
                "unknown method '"
                        + name
                        + "'; expected one of "
                        + Arrays.stream(values())
                                .map(Method::cliName)
                                .collect(Collectors.joining(", ")));
    }

    /**
     * Returns the mixup listener of this method.
     *
     * @param settings alpha, alpha_max, epochs and seed of the run
     * @return the listener, or {@code null} for {@link #NONE}
     */
    public AbstractMixup listener(RunSettings settings) {
        long seed = settings.seed() + 7919L * ordinal();
        switch (this) {
            case NONE:
                return null;
            case INPUT:
                return ManifoldMixup.builder()
                        .optInputOnly()
                        .optAlpha(settings.alpha())
                        .optSeed(seed)
                        .build();
            case MANIFOLD:
                return ManifoldMixup.builder().optAlpha(settings.alpha()).optSeed(seed).build();
            case OUTPUT:
                return OutputMixup.builder().optAlpha(settings.alpha()).optSeed(seed).build();
            case DYNAMIC_MANIFOLD:
                return DynamicManifoldMixup.builder()
                        .optAlphaMax(settings.alphaMax())
                        .optEpochs(settings.epochs())
                        .optSeed(seed)
                        .build();
            case DYNAMIC_OUTPUT:
                return DynamicOutputMixup.builder()
                        .optAlphaMax(settings.alphaMax())
                        .optEpochs(settings.epochs())
                        .optSeed(seed)
                        .build();
            default:
                throw new AssertionError(this);
        }
    }
}
