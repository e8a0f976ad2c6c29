package io.github.manifoldmixup.processor;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * The outcome of analysing one {@code @Mixable} class: a model to write, the errors that stop it,
 * or a type that is not resolved yet, so that the class waits for the next round.
 *
 * @param model the model, or {@code null} unless the class is valid
 * @param problems every error of the class; empty when it is valid or unresolved
 * @param unresolved a type the class depends on that the compiler has not resolved yet, or {@code
 *     null}
 */
record Analysis(BlockModel model, List<Problem> problems, TypeMirror unresolved) {

    static Analysis valid(BlockModel model) {
        return new Analysis(model, List.of(), null);
    }

    static Analysis invalid(List<Problem> problems) {
        return new Analysis(null, List.copyOf(problems), null);
    }

    static Analysis unresolved(TypeMirror type) {
        return new Analysis(null, List.of(), type);
    }

    boolean isValid() {
        return model != null;
    }

    boolean isUnresolved() {
        return unresolved != null;
    }
}
