/** The commands of the samples' program: {@code train}, {@code compare} and {@code spirals}. */
package io.github.manifoldmixup.samples.cli;
