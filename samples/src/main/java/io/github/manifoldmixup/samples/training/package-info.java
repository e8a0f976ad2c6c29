/**
 * One training run of a sample model with one method (plain, input, manifold or output mixup, fixed
 * or dynamic), with per-epoch metrics, step timing and the final logits.
 */
package io.github.manifoldmixup.samples.training;
