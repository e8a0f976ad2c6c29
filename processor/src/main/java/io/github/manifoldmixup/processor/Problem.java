package io.github.manifoldmixup.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One error found in a user's class, kept until every error of the class is known.
 *
 * @param element the element the error is reported at
 * @param annotation the annotation of {@code element} at fault, or {@code null} for the element
 *     itself
 * @param text the message, tag first
 */
record Problem(Element element, AnnotationMirror annotation, String text) {

    static Problem at(Element element, Message message, Object... args) {
        return new Problem(element, null, message.format(args));
    }

    static Problem at(
            Element element, AnnotationMirror annotation, Message message, Object... args) {
        return new Problem(element, annotation, message.format(args));
    }
}
