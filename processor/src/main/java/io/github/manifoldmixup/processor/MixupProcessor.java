package io.github.manifoldmixup.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.ClassName;
import io.github.manifoldmixup.dsl.Mixable;
import io.github.manifoldmixup.dsl.NoMixup;
import io.github.manifoldmixup.dsl.NonMixableKinds;
import io.github.manifoldmixup.dsl.Residual;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Generates the instrumented subclass {@code MixupFoo} and the site table of every class {@code
 * Foo} marked {@link Mixable @Mixable}, and reports misplaced mixup annotations as compile errors.
 *
 * <p>Per class it validates, builds a model ({@link MixableAnalyzer}) and writes it ({@link
 * BlockWriter}). Every error of a class is reported, at the offending element, before the class is
 * given up; other classes still generate. The processor claims the three annotations, which no
 * other processor has reason to see. A class whose types are not resolved yet (a field typed by a
 * class generated in this round) waits for the next round. No exception escapes: an internal
 * failure becomes an error on the class.
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code -Amixup.nonMixable=com.example.MyNorm,...}: block classes that the default site rule
 *       never chooses, in addition to {@link NonMixableKinds};
 *   <li>{@code -Amixup.debug=true}: a note with the sites of every generated class.
 * </ul>
 */
@AutoService(Processor.class)
public final class MixupProcessor extends AbstractProcessor {

    /** The option that prints the chosen sites of every generated class as notes. */
    static final String DEBUG_OPTION = "mixup.debug";

    private static final List<String> GENERATED_ANNOTATIONS =
            List.of("javax.annotation.processing.Generated", "javax.annotation.Generated");

    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> mixableClasses = new HashSet<>();
    private final Set<String> written = new HashSet<>();
    private Set<String> extraNonMixable = Set.of();
    private boolean debug;
    private BlockWriter writer;

    /** Creates the processor; the compiler calls this. */
    public MixupProcessor() {}

    /**
     * Returns the mixup annotations, and {@code @Generated}: a round whose {@code @Generated}
     * elements are all classes this processor wrote is claimed, so that javac's {@code
     * -Xlint:processing} does not warn that nobody claimed the annotation on generated code.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = new LinkedHashSet<>();
        types.add(Mixable.class.getCanonicalName());
        types.add(NoMixup.class.getCanonicalName());
        types.add(Residual.class.getCanonicalName());
        types.addAll(GENERATED_ANNOTATIONS);
        return types;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(NonMixableKinds.PROCESSOR_OPTION, DEBUG_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        Map<String, String> options = processingEnv.getOptions();
        extraNonMixable =
                NonMixableKinds.parseOption(options.get(NonMixableKinds.PROCESSOR_OPTION));
        debug = Boolean.parseBoolean(options.get(DEBUG_OPTION));
        writer =
                new BlockWriter(
                        generatedAnnotation(processingEnv.getElementUtils()), getClass().getName());
    }

    private static ClassName generatedAnnotation(Elements elements) {
        for (String name : GENERATED_ANNOTATIONS) {
            if (elements.getTypeElement(name) != null) {
                return ClassName.bestGuess(name);
            }
        }
        return null;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        Map<String, TypeElement> classes = classesOfRound(roundEnv);
        mixableClasses.addAll(classes.keySet());

        Lookup lookup = new Lookup(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        MixableAnalyzer analyzer =
                new MixableAnalyzer(lookup, extraNonMixable, mixableClasses::contains);
        for (TypeElement type : classes.values()) {
            processClass(type, analyzer, roundEnv.processingOver());
        }
        for (Element element : outsideMixableClasses(roundEnv, lookup)) {
            try {
                analyzer.checkOutsideMixable(element).forEach(this::report);
            } catch (RuntimeException e) {
                internalError(element, e);
            }
        }
        return onlyOwnGeneratedCode(roundEnv, lookup);
    }

    /** Returns the classes deferred from the last round and the new {@code @Mixable} ones. */
    private Map<String, TypeElement> classesOfRound(RoundEnvironment roundEnv) {
        Elements elements = processingEnv.getElementUtils();
        Map<String, TypeElement> classes = new LinkedHashMap<>();
        for (String name : deferred) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                classes.put(name, type);
            }
        }
        deferred.clear();
        for (Element element : annotated(roundEnv, Mixable.class)) {
            if (element instanceof TypeElement type) {
                classes.put(type.getQualifiedName().toString(), type);
            }
        }
        return classes;
    }

    /**
     * Returns whether every element of the round marked {@code @Generated} names this processor, so
     * that the round's annotations can be claimed without hiding others' generated code from other
     * processors.
     */
    private boolean onlyOwnGeneratedCode(RoundEnvironment roundEnv, Lookup lookup) {
        for (String name : GENERATED_ANNOTATIONS) {
            TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
            if (annotation == null) {
                continue;
            }
            for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                if (!lookup.generatedBy(element, name, getClass().getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    private void processClass(TypeElement type, MixableAnalyzer analyzer, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        try {
            Analysis analysis = analyzer.analyze(type);
            if (analysis.isUnresolved()) {
                if (lastRound) {
                    report(
                            Problem.at(
                                    type,
                                    Message.UNRESOLVED_TYPES,
                                    type.getSimpleName(),
                                    analysis.unresolved(),
                                    BlockModel.generatedName(ClassName.get(type)).simpleName()));
                } else {
                    deferred.add(name);
                }
                return;
            }
            if (!analysis.isValid()) {
                analysis.problems().forEach(this::report);
                return;
            }
            if (written.add(name)) {
                if (debug) {
                    note(analysis.model());
                }
                writer.write(analysis.model()).writeTo(processingEnv.getFiler());
            }
        } catch (IOException | RuntimeException e) {
            internalError(type, e);
        }
    }

    /**
     * Returns the annotated elements that no class analysis looks at: fields outside {@code
     * Mixable} classes, and {@code @Residual} or {@code @NoMixup} classes.
     */
    private Set<Element> outsideMixableClasses(RoundEnvironment roundEnv, Lookup lookup) {
        Set<Element> elements = new LinkedHashSet<>();
        for (Class<? extends Annotation> annotation :
                List.of(Mixable.class, Residual.class, NoMixup.class)) {
            for (Element element : annotated(roundEnv, annotation)) {
                boolean insideMixable =
                        element.getKind() == ElementKind.FIELD
                                && lookup.annotation(element.getEnclosingElement(), Mixable.class)
                                        != null;
                boolean mixableClass =
                        element instanceof TypeElement
                                && lookup.annotation(element, Mixable.class) != null;
                if (!insideMixable && !mixableClass) {
                    elements.add(element);
                }
            }
        }
        return elements;
    }

    private Set<? extends Element> annotated(
            RoundEnvironment roundEnv, Class<? extends Annotation> annotation) {
        TypeElement type =
                processingEnv.getElementUtils().getTypeElement(annotation.getCanonicalName());
        return type == null ? Set.of() : roundEnv.getElementsAnnotatedWith(type);
    }

    private void note(BlockModel model) {
        String text =
                Message.SITES_NOTE.format(
                        model.userClass().canonicalName(),
                        model.generatedClass().simpleName(),
                        model.customForward() ? "custom forward" : "declarative",
                        model.sitesAsText());
        processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, text, model.element());
    }

    private void report(Problem problem) {
        Messager messager = processingEnv.getMessager();
        if (problem.annotation() == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, problem.text(), problem.element());
        } else {
            messager.printMessage(
                    Diagnostic.Kind.ERROR, problem.text(), problem.element(), problem.annotation());
        }
    }

    private void internalError(Element element, Exception e) {
        report(Problem.at(element, Message.INTERNAL_ERROR, element.getSimpleName(), e));
    }
}
