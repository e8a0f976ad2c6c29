package io.github.manifoldmixup.samples.models;

import ai.djl.nn.Block;
import java.util.Locale;
import java.util.function.Supplier;

/** The image classifiers of the samples, by their command-line name. */
public enum ImageModel {
    /** {@link SmallCnn}, declarative, three marked sites. */
    CNN(MixupSmallCnn::new),
    /** {@link PreActResNet}, declarative, three residual units as sites. */
    RESNET(MixupPreActResNet::new),
    /** {@link CustomCnn}, with its own forward pass, three marked sites. */
    CUSTOM(MixupCustomCnn::new);

    private final Supplier<Block> factory;

    ImageModel(Supplier<Block> factory) {
        this.factory = factory;
    }

    /**
     * Builds a new, uninitialised instrumented model.
     *
     * @return the model's block
     */
    public Block create() {
        return factory.get();
    }

    /**
     * Returns the name used on the command line.
     *
     * @return the lowercase name
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
