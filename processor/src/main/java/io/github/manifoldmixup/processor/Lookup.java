package io.github.manifoldmixup.processor;

import io.github.manifoldmixup.dsl.Mixable;
import io.github.manifoldmixup.dsl.NoMixup;
import io.github.manifoldmixup.dsl.Residual;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Questions about the user's types, answered through {@code javax.lang.model} only: the processor
 * has no DJL classes of its own and knows DJL types by their qualified names.
 */
final class Lookup {

    static final String BLOCK = "ai.djl.nn.Block";
    static final String ABSTRACT_BLOCK = "ai.djl.nn.AbstractBlock";
    static final String ABSTRACT_BASE_BLOCK = "ai.djl.nn.AbstractBaseBlock";

    /** The mark a class carries for the site rules, looked up along its superclasses. */
    enum ClassMark {
        MIXABLE,
        RESIDUAL,
        NO_MIXUP,
        NONE
    }

    /**
     * The nearest class of a type's superclass chain that carries a mark, and that mark.
     *
     * @param mark the mark
     * @param carrier the class that carries it, or {@code null} for {@link ClassMark#NONE}
     */
    record Marked(ClassMark mark, TypeElement carrier) {}

    private final Elements elements;
    private final Types types;

    Lookup(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    Elements elements() {
        return elements;
    }

    Types types() {
        return types;
    }

    /** Returns the annotation of this type on the element, or {@code null}. */
    AnnotationMirror annotation(Element element, Class<? extends Annotation> type) {
        String name = type.getCanonicalName();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element annotationType = mirror.getAnnotationType().asElement();
            if (((TypeElement) annotationType).getQualifiedName().contentEquals(name)) {
                return mirror;
            }
        }
        return null;
    }

    /**
     * Returns whether the element carries the {@code @Generated} annotation of this name with this
     * generator among its values.
     */
    boolean generatedBy(Element element, String annotationName, String generator) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element annotationType = mirror.getAnnotationType().asElement();
            if (!((TypeElement) annotationType).getQualifiedName().contentEquals(annotationName)) {
                continue;
            }
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                    mirror.getElementValues().entrySet()) {
                if (entry.getKey().getSimpleName().contentEquals("value")
                        && entry.getValue().getValue() instanceof List<?> values) {
                    return values.stream()
                            .anyMatch(v -> generator.equals(((AnnotationValue) v).getValue()));
                }
            }
        }
        return false;
    }

    /** Returns whether the erasure of the type is a subtype of the class of this name. */
    boolean isSubtypeOf(TypeMirror type, String qualifiedName) {
        TypeElement target = elements.getTypeElement(qualifiedName);
        TypeMirror erased = types.erasure(type);
        if (target == null || erased.getKind() != TypeKind.DECLARED) {
            return false;
        }
        return types.isSubtype(erased, types.erasure(target.asType()));
    }

    boolean isBlock(TypeMirror type) {
        return isSubtypeOf(type, BLOCK);
    }

    /** Returns the class of the (erased) type and its superclasses, the type's own class first. */
    List<TypeElement> classChain(TypeMirror type) {
        List<TypeElement> chain = new ArrayList<>();
        TypeMirror current = types.erasure(type);
        while (current.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) current).asElement();
            chain.add(element);
            current = element.getSuperclass();
        }
        return chain;
    }

    /**
     * Returns the binary name of the erased type, as {@link Class#getName()} gives it at run time:
     * {@code ai.djl.nn.core.Linear}, or {@code com.example.Net$Stage} for a nested class.
     */
    String binaryName(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        if (erased.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) erased).asElement();
            return elements.getBinaryName(element).toString();
        }
        return erased.toString();
    }

    /** Returns the qualified name of the erased type, such as {@code ai.djl.nn.core.Linear}. */
    String qualifiedName(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        if (erased.getKind() == TypeKind.DECLARED) {
            return ((TypeElement) ((DeclaredType) erased).asElement())
                    .getQualifiedName()
                    .toString();
        }
        return erased.toString();
    }

    /**
     * Returns the mark that decides how a field of this type takes part in the site rules: that of
     * the nearest class of its superclass chain with {@code @NoMixup}, {@code @Residual} or {@code
     * Mixable} (in that precedence when one class has several).
     */
    Marked classMark(TypeMirror type) {
        for (TypeElement element : classChain(type)) {
            if (annotation(element, NoMixup.class) != null) {
                return new Marked(ClassMark.NO_MIXUP, element);
            }
            if (annotation(element, Residual.class) != null) {
                return new Marked(ClassMark.RESIDUAL, element);
            }
            if (annotation(element, Mixable.class) != null) {
                return new Marked(ClassMark.MIXABLE, element);
            }
        }
        return new Marked(ClassMark.NONE, null);
    }

    /**
     * Returns a type inside this one that the compiler could not resolve yet (such as a class that
     * a processor generates later in this round), or {@code null} if there is none.
     */
    TypeMirror unresolvedPart(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return type;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return unresolvedPart(((ArrayType) type).getComponentType());
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                TypeMirror unresolved = unresolvedPart(argument);
                if (unresolved != null) {
                    return unresolved;
                }
            }
        }
        return null;
    }
}
