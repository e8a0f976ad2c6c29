/**
 * The annotation processor that turns {@code @Mixable} DJL block classes into instrumented blocks.
 *
 * <p>For every class {@code p.Foo} marked {@link io.github.manifoldmixup.dsl.Mixable @Mixable} the
 * processor checks the class and its fields, chooses the mixup sites by the rules of {@code
 * Mixable}, and writes {@code p.MixupFoo}: a subclass that implements the runtime's {@code
 * InstrumentedBlock}, carries the site table as a constant and blends the hidden state after the
 * site that the current draw selected. Errors are reported at the offending element, each message
 * starting with a stable bracketed tag.
 *
 * <p>Processor options:
 *
 * <ul>
 *   <li>{@code mixup.nonMixable}: more fully qualified block class names that the default rule
 *       never chooses as sites, separated by commas;
 *   <li>{@code mixup.debug}: {@code true} prints a note with the sites of every generated class.
 * </ul>
 */
package io.github.manifoldmixup.processor;
