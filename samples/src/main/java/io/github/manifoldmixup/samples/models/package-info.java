/**
 * The sample models, written with the mixup annotations: a declarative CNN, a pre-activation ResNet
 * of residual units, a CNN with its own forward pass, and an MLP for the two spirals. The
 * annotation processor turns each into its {@code Mixup...} class during the ordinary build.
 */
package io.github.manifoldmixup.samples.models;
