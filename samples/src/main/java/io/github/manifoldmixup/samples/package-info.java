/**
 * Runnable samples of manifold mixup for DJL: the command-line program {@link
 * io.github.manifoldmixup.samples.MixupSamples} and what it is made of.
 */
package io.github.manifoldmixup.samples;
