package io.github.manifoldmixup.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a DJL block class whose hidden states may be mixed, or a child block inside such a class
 * whose output is a mixup site.
 *
 * <h2>On a class</h2>
 *
 * <p>For a class {@code Foo} in package {@code p}, the annotation processor generates {@code
 * p.MixupFoo} (a nested class {@code Outer.Inner} gives {@code MixupOuter_Inner}): a subclass of
 * {@code Foo} with the same constructors, which is an instrumented DJL block, and the static site
 * table of {@code Foo}. The class must be a non-final DJL {@code Block} with a constructor that a
 * subclass in the same package can call.
 *
 * <p>A class may be written two ways. <em>Declarative</em>: it declares its child blocks as fields,
 * in order, and writes no {@code forwardInternal}; the generated subclass registers the fields as
 * children in declaration order, chains them in its forward pass, output shapes and initialisation,
 * and blends after the site that the current draw selected. <em>Custom forward</em>: it writes its
 * own {@code forwardInternal} over its fields; the generated subclass fronts every site field by a
 * thin delegating site block, so that the user's forward reaches the blend without knowing it.
 * Either way the children and parameter names are those of the plain class, so parameters saved
 * from one load into the other.
 *
 * <h2>Which children are sites</h2>
 *
 * <p>Inside one {@code @Mixable} class, in declaration order, the sites are:
 *
 * <ol>
 *   <li>the fields marked {@code @Mixable} or {@link Residual @Residual}, if there is any such
 *       field;
 *   <li>otherwise the residual units: fields whose type is a class annotated {@link
 *       Residual @Residual};
 *   <li>otherwise every block field that is not {@link NoMixup @NoMixup} and not of a non-mixable
 *       kind ({@link NonMixableKinds}: dropout, batch and layer normalisation, recurrent layers,
 *       containers that only pass data through), a list that the processor option {@code
 *       mixup.nonMixable} extends with more class names.
 * </ol>
 *
 * <p>A field whose type is itself a {@code @Mixable} class contributes that class's sites, with
 * dotted paths ({@code stage2.conv1}), unless the field is {@code @Residual} or {@code @NoMixup}.
 * The model input is site 0 when input mixup is on; the sites of the table are numbered from 1.
 *
 * <h2>Compile errors</h2>
 *
 * <ul>
 *   <li>{@code @Mixable} and {@code @NoMixup} on the same element;
 *   <li>a {@code @Mixable} field inside a {@code @Residual} class (nothing inside a residual unit
 *       is a site);
 *   <li>{@code @Mixable} on a field that is not a DJL {@code Block}, is private, or is a recurrent
 *       layer;
 *   <li>a site field of a custom-forward class that is final (the generated subclass must front
 *       it);
 *   <li>a {@code @Mixable} class that is final, is not a DJL block, or has no constructor a
 *       subclass can call;
 *   <li>a {@code @Mixable} class with no site at all.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Mixable {}
