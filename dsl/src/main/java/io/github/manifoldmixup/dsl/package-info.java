/**
 * The annotations that declare where a DJL model may be mixed: {@link
 * io.github.manifoldmixup.dsl.Mixable @Mixable}, {@link
 * io.github.manifoldmixup.dsl.NoMixup @NoMixup} and {@link
 * io.github.manifoldmixup.dsl.Residual @Residual}, and the default list of block kinds that are
 * never mixup sites.
 *
 * <p>The annotation processor reads these at compile time to generate instrumented blocks and their
 * site tables; they are retained at run time so that the run-time site discovery of the runtime
 * module honours them too.
 */
package io.github.manifoldmixup.dsl;
