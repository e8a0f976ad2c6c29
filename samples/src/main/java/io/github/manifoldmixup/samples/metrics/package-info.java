/**
 * Classification metrics computed on the host from logits and labels: accuracy, mean negative
 * log-likelihood, expected calibration error and reliability diagrams over equal-width confidence
 * bins, and post-hoc temperature scaling fitted on held-out data.
 */
package io.github.manifoldmixup.samples.metrics;
