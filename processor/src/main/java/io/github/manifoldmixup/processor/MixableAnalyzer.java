package io.github.manifoldmixup.processor;

import com.squareup.javapoet.ClassName;
import io.github.manifoldmixup.dsl.Mixable;
import io.github.manifoldmixup.dsl.NoMixup;
import io.github.manifoldmixup.dsl.NonMixableKinds;
import io.github.manifoldmixup.dsl.Residual;
import io.github.manifoldmixup.processor.BlockModel.Child;
import io.github.manifoldmixup.processor.BlockModel.Role;
import io.github.manifoldmixup.processor.BlockModel.SiteEntry;
import io.github.manifoldmixup.processor.Lookup.ClassMark;
import io.github.manifoldmixup.processor.Lookup.Marked;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks {@code @Mixable} classes and chooses their sites by the rules of {@link Mixable}, giving a
 * {@link BlockModel} for a valid class and every error of an invalid one.
 *
 * <p>The rules, in a class's declaration order: the fields marked {@code @Mixable} or {@code
 * Residual} if there is any; otherwise the residual units (fields of a {@code @Residual} type);
 * otherwise every block field that is not {@code @NoMixup} and not of a non-mixable kind. A field
 * whose type is a {@code @Mixable} class (and that is not {@code @Residual} or {@code @NoMixup})
 * contributes that class's sites under its own name, in place; {@code @Mixable} on such a field
 * counts as a mark for the first rule. Class marks are looked up along the superclasses of a
 * field's declared type, so a field typed by a generated {@code MixupStage} nests {@code Stage}.
 *
 * <p>One analyzer serves one round: it caches the analysis of each class, so a class nested in
 * several others is analysed once.
 */
final class MixableAnalyzer {

    private static final String FORWARD = "forwardInternal";
    private static final String OUTPUT_SHAPES = "getOutputShapes";
    private static final String INITIALIZE_CHILDREN = "initializeChildBlocks";
    private static final String HOOKS_FIELD = "mixupHooks";

    /** How a block field takes part in the site rules before a rule is chosen. */
    private enum Kind {
        /** Marked {@code @Mixable} or {@code @Residual}: a site under rule 1. */
        MARKED,
        /** Of a {@code @Residual} type: a site under rule 2. */
        RESIDUAL_UNIT,
        /** Any other mixable block: a site under rule 3. */
        DEFAULT,
        /** Of a {@code @Mixable} type: contributes the sites of that class. */
        NESTED,
        /** Never a site. */
        EXCLUDED
    }

    private record Field(
            VariableElement element, Kind kind, boolean marked, boolean residual, Marked mark) {}

    private final Lookup lookup;
    private final Set<String> extraNonMixable;
    private final Predicate<String> generatedHere;
    private final Map<String, Analysis> cache = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /**
     * Returns an analyzer for one round.
     *
     * @param lookup the type questions of this round
     * @param extraNonMixable class names the user added to the non-mixable kinds
     * @param generatedHere whether this compilation generates the class for a {@code @Mixable}
     *     class of this qualified name (so it need not be on the classpath yet)
     */
    MixableAnalyzer(Lookup lookup, Set<String> extraNonMixable, Predicate<String> generatedHere) {
        this.lookup = lookup;
        this.extraNonMixable = extraNonMixable;
        this.generatedHere = generatedHere;
    }

    /**
     * Analyses a {@code @Mixable} class.
     *
     * @param type the class
     * @return its model, its errors, or the type it waits for
     */
    Analysis analyze(TypeElement type) {
        String key = type.getQualifiedName().toString();
        Analysis cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        inProgress.add(key);
        try {
            Analysis analysis = analyzeUncached(type);
            cache.put(key, analysis);
            return analysis;
        } finally {
            inProgress.remove(key);
        }
    }

    /**
     * Checks an annotated element that is not a field of a {@code @Mixable} class: conflicting
     * annotations, and a marked field that cannot be a site.
     *
     * @param element a field or class carrying one of the annotations
     * @return its errors
     */
    List<Problem> checkOutsideMixable(Element element) {
        List<Problem> problems = new ArrayList<>();
        if (element.getKind() == ElementKind.FIELD) {
            checkField((VariableElement) element, problems);
        } else {
            checkConflicts(element, "class " + element.getSimpleName(), problems);
        }
        return problems;
    }

    private Analysis analyzeUncached(TypeElement type) {
        TypeMirror unresolved = unresolvedPart(type);
        if (unresolved != null) {
            return Analysis.unresolved(unresolved);
        }
        List<Problem> problems = new ArrayList<>();
        ClassName userClass = ClassName.get(type);
        ClassName generated = BlockModel.generatedName(userClass);

        boolean blockClass = checkClass(type, generated, problems);
        boolean customForward = blockClass && declaresConcrete(type, MixableAnalyzer::isForward);
        boolean writeOutputShapes =
                !customForward && !declaresConcrete(type, MixableAnalyzer::isOutputShapes);
        boolean writeInitialize =
                !customForward && !declaresConcrete(type, MixableAnalyzer::isInitializeChildren);

        int classProblems = problems.size();
        List<Field> fields = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (checkField(field, problems)) {
                fields.add(classify(field));
            }
        }
        List<Child> children = new ArrayList<>();
        List<SiteEntry> sites = new ArrayList<>();
        TypeMirror nestedUnresolved = numberSites(type, fields, children, sites, problems);
        if (nestedUnresolved != null) {
            return Analysis.unresolved(nestedUnresolved);
        }
        // A class whose fields have errors may lack sites only because of them: say those first.
        boolean fieldsValid = problems.size() == classProblems;
        if (sites.isEmpty() && blockClass && fieldsValid) {
            problems.add(Problem.at(type, Message.NO_SITE, type.getSimpleName()));
        }
        if (blockClass) {
            checkChildAccess(type, generated, customForward, fields, children, problems);
            checkAbstractMethods(type, customForward, writeOutputShapes, problems);
        }
        if (!problems.isEmpty()) {
            return Analysis.invalid(problems);
        }

        List<Child> touched = children;
        if (customForward) {
            touched = children.stream().filter(c -> c.role() != Role.PLAIN).toList();
        }
        return Analysis.valid(
                new BlockModel(
                        type,
                        userClass,
                        generated,
                        customForward,
                        isPublicForward(type),
                        writeOutputShapes,
                        writeInitialize,
                        touched,
                        List.copyOf(sites),
                        callableConstructors(type)));
    }

    // ---- the class ----------------------------------------------------------------------------

    /** Checks the class itself; returns whether it is a DJL block class the rules apply to. */
    private boolean checkClass(TypeElement type, ClassName generated, List<Problem> problems) {
        String name = type.getSimpleName().toString();
        checkConflicts(type, "class " + name, problems);
        if (lookup.annotation(type, Residual.class) != null) {
            problems.add(
                    Problem.at(
                            type,
                            lookup.annotation(type, Residual.class),
                            Message.MIXABLE_AND_RESIDUAL_CLASS,
                            name));
        }
        if (type.getKind() != ElementKind.CLASS
                || !lookup.isSubtypeOf(type.asType(), Lookup.ABSTRACT_BLOCK)) {
            String kind = type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
            problems.add(Problem.at(type, Message.CLASS_NOT_A_BLOCK, kind, name));
            return false;
        }
        if (type.getModifiers().contains(Modifier.FINAL)) {
            problems.add(Problem.at(type, Message.FINAL_CLASS, name));
        }
        if (isPrivate(type)) {
            problems.add(Problem.at(type, Message.PRIVATE_CLASS, name, generated.simpleName()));
        }
        if (type.getNestingKind() == NestingKind.MEMBER
                && !type.getModifiers().contains(Modifier.STATIC)) {
            problems.add(Problem.at(type, Message.INNER_CLASS, name, generated.simpleName()));
        }
        if (callableConstructors(type).isEmpty()) {
            String packageName = ClassName.get(type).packageName();
            problems.add(Problem.at(type, Message.NO_CONSTRUCTOR, name, packageName));
        }
        ExecutableElement forward = findMethod(type, MixableAnalyzer::isForward);
        if (forward != null
                && !forward.getModifiers().contains(Modifier.ABSTRACT)
                && forward.getModifiers().contains(Modifier.FINAL)) {
            problems.add(
                    Problem.at(
                            forward,
                            Message.FINAL_FORWARD,
                            name + "." + FORWARD,
                            generated.simpleName()));
        }
        return true;
    }

    private boolean isPublicForward(TypeElement type) {
        ExecutableElement forward = findMethod(type, MixableAnalyzer::isForward);
        return forward != null && forward.getModifiers().contains(Modifier.PUBLIC);
    }

    private static boolean isPrivate(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    private static List<ExecutableElement> callableConstructors(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(c -> !c.getModifiers().contains(Modifier.PRIVATE))
                .toList();
    }

    /**
     * Returns whether the class or one of its superclasses below DJL's abstract blocks declares a
     * concrete method of this shape.
     */
    private boolean declaresConcrete(TypeElement type, Predicate<ExecutableElement> shape) {
        ExecutableElement method = findMethod(type, shape);
        return method != null && !method.getModifiers().contains(Modifier.ABSTRACT);
    }

    /** Finds the nearest declaration of a method of this shape below DJL's abstract blocks. */
    private ExecutableElement findMethod(TypeElement type, Predicate<ExecutableElement> shape) {
        for (TypeElement owner : lookup.classChain(type.asType())) {
            String ownerName = owner.getQualifiedName().toString();
            if (ownerName.equals(Lookup.ABSTRACT_BLOCK)
                    || ownerName.equals(Lookup.ABSTRACT_BASE_BLOCK)) {
                return null;
            }
            for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
                if (!method.getModifiers().contains(Modifier.STATIC) && shape.test(method)) {
                    return method;
                }
            }
        }
        return null;
    }

    private static boolean isForward(ExecutableElement method) {
        return method.getSimpleName().contentEquals(FORWARD)
                && method.getParameters().size() == 4
                && method.getParameters().get(2).asType().getKind() == TypeKind.BOOLEAN;
    }

    private static boolean isOutputShapes(ExecutableElement method) {
        return method.getSimpleName().contentEquals(OUTPUT_SHAPES)
                && method.getParameters().size() == 1;
    }

    private static boolean isInitializeChildren(ExecutableElement method) {
        return method.getSimpleName().contentEquals(INITIALIZE_CHILDREN)
                && method.getParameters().size() == 3;
    }

    /** Reports abstract methods that neither the class nor the generated subclass implements. */
    private void checkAbstractMethods(
            TypeElement type,
            boolean customForward,
            boolean writeOutputShapes,
            List<Problem> problems) {
        List<ExecutableElement> methods =
                ElementFilter.methodsIn(lookup.elements().getAllMembers(type));
        String generatedPart =
                customForward
                        ? "it only wraps the class's own " + FORWARD
                        : "it implements "
                                + FORWARD
                                + (writeOutputShapes ? " and getOutputShapes" : "");
        for (ExecutableElement method : methods) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT)
                    || (!customForward && isForward(method))
                    || (writeOutputShapes && isOutputShapes(method))
                    || isImplemented(type, method, methods)) {
                continue;
            }
            String name = type.getSimpleName().toString();
            problems.add(
                    Problem.at(
                            type,
                            Message.ABSTRACT_METHOD,
                            name,
                            signature(method),
                            generatedPart,
                            name));
        }
    }

    private boolean isImplemented(
            TypeElement type, ExecutableElement method, List<ExecutableElement> methods) {
        for (ExecutableElement candidate : methods) {
            if (candidate != method
                    && !candidate.getModifiers().contains(Modifier.ABSTRACT)
                    && lookup.elements().overrides(candidate, method, type)) {
                return true;
            }
        }
        return false;
    }

    private static String signature(ExecutableElement method) {
        List<String> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(parameter.asType().toString());
        }
        return method.getSimpleName() + "(" + String.join(", ", parameters) + ")";
    }

    /** Finds a type of the class's declaration that the compiler has not resolved yet. */
    private TypeMirror unresolvedPart(TypeElement type) {
        for (TypeElement owner : lookup.classChain(type.asType())) {
            if (owner.getSuperclass().getKind() == TypeKind.ERROR) {
                return owner.getSuperclass();
            }
        }
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            TypeMirror unresolved = lookup.unresolvedPart(field.asType());
            if (unresolved != null) {
                return unresolved;
            }
        }
        for (ExecutableElement constructor :
                ElementFilter.constructorsIn(type.getEnclosedElements())) {
            for (VariableElement parameter : constructor.getParameters()) {
                TypeMirror unresolved = lookup.unresolvedPart(parameter.asType());
                if (unresolved != null) {
                    return unresolved;
                }
            }
            for (TypeMirror thrown : constructor.getThrownTypes()) {
                TypeMirror unresolved = lookup.unresolvedPart(thrown);
                if (unresolved != null) {
                    return unresolved;
                }
            }
        }
        return null;
    }

    // ---- the fields ---------------------------------------------------------------------------

    private void checkConflicts(Element element, String what, List<Problem> problems) {
        AnnotationMirror noMixup = lookup.annotation(element, NoMixup.class);
        if (noMixup == null) {
            return;
        }
        if (lookup.annotation(element, Mixable.class) != null) {
            problems.add(
                    Problem.at(
                            element,
                            noMixup,
                            Message.CONFLICTING_ANNOTATIONS,
                            what,
                            "Mixable",
                            "Mixable"));
        }
        if (lookup.annotation(element, Residual.class) != null) {
            problems.add(
                    Problem.at(
                            element,
                            noMixup,
                            Message.CONFLICTING_ANNOTATIONS,
                            what,
                            "Residual",
                            "Residual"));
        }
    }

    /**
     * Checks the annotations of a field; returns whether it is an instance field of a block type
     * whose type is resolved, that is, a child block the site rules look at.
     */
    private boolean checkField(VariableElement field, List<Problem> problems) {
        String name = field.getEnclosingElement().getSimpleName() + "." + field.getSimpleName();
        checkConflicts(field, "field " + name, problems);
        AnnotationMirror mixable = lookup.annotation(field, Mixable.class);
        AnnotationMirror residual = lookup.annotation(field, Residual.class);
        AnnotationMirror mark = mixable != null ? mixable : residual;
        String markName = mixable != null ? "Mixable" : "Residual";
        TypeMirror type = field.asType();

        if (field.getModifiers().contains(Modifier.STATIC)) {
            if (mark != null) {
                problems.add(
                        Problem.at(field, mark, Message.STATIC_FIELD, name, markName, markName));
            }
            return false;
        }
        if (lookup.unresolvedPart(type) != null) {
            return false;
        }
        if (!lookup.isBlock(type)) {
            if (mark != null) {
                problems.add(
                        Problem.at(
                                field,
                                mark,
                                Message.FIELD_NOT_A_BLOCK,
                                name,
                                markName,
                                type,
                                markName));
            }
            return false;
        }
        Marked enclosing = lookup.classMark(field.getEnclosingElement().asType());
        if (mixable != null && enclosing.mark() == ClassMark.RESIDUAL) {
            problems.add(
                    Problem.at(
                            field,
                            mixable,
                            Message.MIXABLE_INSIDE_RESIDUAL,
                            name,
                            enclosing.carrier().getSimpleName()));
        }
        if (mark != null) {
            String recurrent = recurrentClass(type);
            if (recurrent != null) {
                problems.add(
                        Problem.at(
                                field,
                                mark,
                                Message.RECURRENT_SITE,
                                name,
                                markName,
                                recurrent,
                                markName));
            }
            if (lookup.classMark(type).mark() == ClassMark.NO_MIXUP) {
                problems.add(
                        Problem.at(
                                field,
                                mark,
                                Message.SITE_OF_NO_MIXUP_TYPE,
                                name,
                                markName,
                                lookup.qualifiedName(type),
                                markName));
            }
        }
        return true;
    }

    private String recurrentClass(TypeMirror type) {
        for (TypeElement owner : lookup.classChain(type)) {
            String ownerName = owner.getQualifiedName().toString();
            if (NonMixableKinds.isRecurrent(ownerName)) {
                return ownerName;
            }
        }
        return null;
    }

    private boolean isNonMixableKind(TypeMirror type) {
        for (TypeElement owner : lookup.classChain(type)) {
            String ownerName = owner.getQualifiedName().toString();
            String binaryName = lookup.elements().getBinaryName(owner).toString();
            if (NonMixableKinds.defaultReason(ownerName) != null
                    || extraNonMixable.contains(ownerName)
                    || extraNonMixable.contains(binaryName)) {
                return true;
            }
        }
        return false;
    }

    private Field classify(VariableElement field) {
        boolean mixable = lookup.annotation(field, Mixable.class) != null;
        boolean residual = lookup.annotation(field, Residual.class) != null;
        boolean noMixup = lookup.annotation(field, NoMixup.class) != null;
        Marked mark = lookup.classMark(field.asType());
        boolean marked = mixable || residual;
        boolean residualUnit = residual || mark.mark() == ClassMark.RESIDUAL;

        Kind kind;
        if (noMixup || mark.mark() == ClassMark.NO_MIXUP) {
            kind = Kind.EXCLUDED;
        } else if (!residual && mark.mark() == ClassMark.MIXABLE) {
            kind = Kind.NESTED;
        } else if (marked) {
            kind = Kind.MARKED;
        } else if (mark.mark() == ClassMark.RESIDUAL) {
            kind = Kind.RESIDUAL_UNIT;
        } else if (isNonMixableKind(field.asType())) {
            kind = Kind.EXCLUDED;
        } else {
            kind = Kind.DEFAULT;
        }
        return new Field(field, kind, marked, residualUnit, mark);
    }

    /**
     * Applies the rules and numbers the sites in declaration order, nested ones in place; returns a
     * type a nested class waits for, or {@code null}.
     */
    private TypeMirror numberSites(
            TypeElement type,
            List<Field> fields,
            List<Child> children,
            List<SiteEntry> sites,
            List<Problem> problems) {
        boolean anyMarked = fields.stream().anyMatch(Field::marked);
        boolean anyResidualUnit = fields.stream().anyMatch(f -> f.kind() == Kind.RESIDUAL_UNIT);
        Kind chosen = anyMarked ? Kind.MARKED : anyResidualUnit ? Kind.RESIDUAL_UNIT : Kind.DEFAULT;

        for (Field field : fields) {
            String name = field.element().getSimpleName().toString();
            if (field.kind() == chosen) {
                int index = sites.size() + 1;
                String blockType = lookup.binaryName(field.element().asType());
                sites.add(new SiteEntry(index, name, blockType, field.residual()));
                children.add(new Child(name, Role.SITE, index, 0, null));
            } else if (field.kind() == Kind.NESTED) {
                Analysis nested = nest(type, field, sites, problems);
                if (nested != null && nested.isUnresolved()) {
                    return nested.unresolved();
                }
                if (nested != null && nested.isValid()) {
                    ClassName nestedGenerated = nested.model().generatedClass();
                    int offset = sites.size() - nested.model().sites().size();
                    children.add(new Child(name, Role.NESTED, 0, offset, nestedGenerated));
                } else {
                    children.add(new Child(name, Role.PLAIN, 0, 0, null));
                }
            } else {
                children.add(new Child(name, Role.PLAIN, 0, 0, null));
            }
        }
        return null;
    }

    /**
     * Analyses the class a nested field contributes and appends its sites; returns its analysis, or
     * {@code null} when the field closes a cycle.
     */
    private Analysis nest(
            TypeElement type, Field field, List<SiteEntry> sites, List<Problem> problems) {
        VariableElement element = field.element();
        String fieldName = type.getSimpleName() + "." + element.getSimpleName();
        TypeElement nestedClass = field.mark().carrier();
        String nestedName = nestedClass.getSimpleName().toString();
        if (inProgress.contains(nestedClass.getQualifiedName().toString())) {
            problems.add(Problem.at(element, Message.NESTING_CYCLE, fieldName, nestedName));
            return null;
        }
        Analysis nested = analyze(nestedClass);
        if (nested.isUnresolved()) {
            return nested;
        }
        if (!nested.isValid()) {
            String first = nested.problems().get(0).text();
            problems.add(Problem.at(element, Message.NESTED_INVALID, fieldName, nestedName, first));
            return nested;
        }
        ClassName nestedGenerated = nested.model().generatedClass();
        if (!generatedHere.test(nestedClass.getQualifiedName().toString())
                && lookup.elements().getTypeElement(nestedGenerated.canonicalName()) == null) {
            problems.add(
                    Problem.at(
                            element,
                            Message.NESTED_NOT_GENERATED,
                            fieldName,
                            nestedName,
                            nestedGenerated.canonicalName(),
                            nestedName));
            return null;
        }
        int offset = sites.size();
        String prefix = element.getSimpleName() + ".";
        for (SiteEntry site : nested.model().sites()) {
            sites.add(
                    new SiteEntry(
                            offset + site.index(),
                            prefix + site.path(),
                            site.blockType(),
                            site.residual()));
        }
        return nested;
    }

    /** Checks that the generated code can read and, for a custom forward, replace its fields. */
    private void checkChildAccess(
            TypeElement type,
            ClassName generated,
            boolean customForward,
            List<Field> fields,
            List<Child> children,
            List<Problem> problems) {
        String className = type.getSimpleName().toString();
        for (int i = 0; i < fields.size(); i++) {
            VariableElement element = fields.get(i).element();
            Role role = children.get(i).role();
            String name = className + "." + element.getSimpleName();
            boolean touched = !customForward || role != Role.PLAIN;
            if (touched && element.getSimpleName().contentEquals(HOOKS_FIELD)) {
                problems.add(
                        Problem.at(
                                element,
                                Message.RESERVED_FIELD_NAME,
                                name,
                                generated.simpleName()));
            }
            if (touched && element.getModifiers().contains(Modifier.PRIVATE)) {
                String use =
                        !customForward
                                ? "registers and chains"
                                : role == Role.SITE ? "fronts" : "binds the sites of";
                problems.add(
                        Problem.at(
                                element, Message.PRIVATE_FIELD, name, generated.simpleName(), use));
            }
            if (!customForward || role != Role.SITE) {
                continue;
            }
            if (element.getModifiers().contains(Modifier.FINAL)) {
                problems.add(Problem.at(element, Message.FINAL_SITE_FIELD, name, className));
            }
            if (!lookup.qualifiedName(element.asType()).equals(Lookup.BLOCK)) {
                problems.add(
                        Problem.at(
                                element,
                                Message.SITE_FIELD_TYPE,
                                name,
                                element.asType(),
                                className));
            }
        }
    }
}
