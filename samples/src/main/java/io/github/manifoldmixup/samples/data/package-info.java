/**
 * Data for the samples: Fashion-MNIST read from gzipped IDX files (an embedded class-balanced
 * subset, or the full set from a directory), two interleaved spirals in the plane, and {@link
 * io.github.manifoldmixup.samples.data.HostSplit}, a split held in host memory that subsets itself
 * reproducibly and turns into a DJL {@code ArrayDataset}.
 */
package io.github.manifoldmixup.samples.data;
