/**
 * Manifold mixup for DJL at run time.
 *
 * <p>The core: {@link io.github.manifoldmixup.runtime.BetaSampler} draws interpolation weights,
 * {@link io.github.manifoldmixup.runtime.Blend} mixes a batch on its own device, and {@link
 * io.github.manifoldmixup.runtime.DrawSource} makes the {@link
 * io.github.manifoldmixup.runtime.Draw} that one training forward pass of one device split shares
 * between the blend and the loss.
 *
 * <p>The contract with generated code: {@link io.github.manifoldmixup.runtime.SiteTable} lists the
 * mixup sites of a model, {@link io.github.manifoldmixup.runtime.InstrumentedBlock} is what a
 * training listener looks for in a model, and {@link io.github.manifoldmixup.runtime.SiteHooks} and
 * {@link io.github.manifoldmixup.runtime.SiteBlock} are what an instrumented forward pass calls.
 */
package io.github.manifoldmixup.runtime;
