package io.github.manifoldmixup.samples.cli;

import io.github.manifoldmixup.samples.data.FashionMnist;
import io.github.manifoldmixup.samples.data.HostSplit;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the Fashion-MNIST images come from, and how much of them to use. */
public final class DataOptions {

    @Option(
            names = "--data",
            description =
                    "Folder holding the four Fashion-MNIST IDX files (the Debian package"
                            + " dataset-fashion-mnist installs them in"
                            + " /usr/share/datasets/fashion-mnist). Default: the embedded subset"
                            + " of 10,000 training and 2,000 test images.")
    Path directory;

    @Option(
            names = "--train-size",
            description = "Use a class-balanced subset of this many training images.")
    Integer trainSize;

    @Option(
            names = "--test-size",
            description = "Use a class-balanced subset of this many test images.")
    Integer testSize;

    /** The loaded data: origin, training and test splits. */
    record Loaded(String origin, HostSplit train, HostSplit test) {}

    Loaded load(long seed) throws IOException {
        FashionMnist data =
                directory == null ? FashionMnist.embedded() : FashionMnist.fromDirectory(directory);
        HostSplit train = data.train();
        HostSplit test = data.test();
        if (trainSize != null) {
            train = train.balancedSubset(trainSize, seed);
        }
        if (testSize != null) {
            test = test.balancedSubset(testSize, seed + 1);
        }
        return new Loaded(data.origin(), train, test);
    }
}
