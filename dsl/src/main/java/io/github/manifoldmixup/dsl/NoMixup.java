package io.github.manifoldmixup.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a child block field, or a block class, that is never a mixup site, and nothing inside it is
 * either.
 *
 * <p>Use it for the classification head, for blocks whose output is not a hidden state of the batch
 * (a block that reduces over the batch axis, say), or to exclude a block that the default rules of
 * {@link Mixable} would otherwise pick. The annotation is visible at run time, so the run-time site
 * discovery for models not written with these annotations honours it too.
 *
 * <p>It is a compile error to put {@code @NoMixup} and {@link Mixable @Mixable} on the same
 * element.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface NoMixup {}
