/**
 * Schedules of alpha over training progress for the dynamic mixup variants: linear, cosine,
 * constant, exponential and polynomial curves, phases of them, and conversions from and to DJL's
 * {@link ai.djl.training.tracker.Tracker}.
 */
package io.github.manifoldmixup.runtime.schedule;
