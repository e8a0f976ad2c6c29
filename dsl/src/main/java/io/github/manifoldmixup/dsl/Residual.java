package io.github.manifoldmixup.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a residual unit: a child block field, or a block class, whose output is a mixup site while
 * nothing inside it is.
 *
 * <p>A state mixed inside the branch of a residual unit no longer matches the unmixed state that
 * flows through its skip path, which degrades manifold mixup; mixing the output of the whole unit
 * keeps both paths consistent. So the descent of the site rules of {@link Mixable} stops at a
 * {@code @Residual} element: a field marked {@code @Residual} is one site, even when its type is a
 * {@code @Mixable} class with sites of its own, and a class marked {@code @Residual} makes every
 * field of that type a residual unit (rule 2 of {@link Mixable}).
 *
 * <p>It is a compile error to mark a field inside a {@code @Residual} class {@link
 * Mixable @Mixable}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Residual {}
