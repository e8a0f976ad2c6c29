package io.github.manifoldmixup.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Runs the {@link MixupProcessor} and records the source files it creates, which a compilation that
 * fails (because another class has errors) does not otherwise reveal.
 */
final class RecordingProcessor implements Processor {

    private final Processor delegate = new MixupProcessor();
    private final Set<String> created = Collections.synchronizedSet(new LinkedHashSet<>());

    /** Returns the qualified names of the source files created so far. */
    Set<String> created() {
        return Set.copyOf(created);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
        Filer filer = env.getFiler();
        Filer recording =
                proxy(
                        Filer.class,
                        (self, method, args) -> {
                            if (method.getName().equals("createSourceFile")) {
                                created.add(args[0].toString());
                            }
                            return invoke(method, filer, args);
                        });
        delegate.init(
                proxy(
                        ProcessingEnvironment.class,
                        (self, method, args) ->
                                method.getName().equals("getFiler")
                                        ? recording
                                        : invoke(method, env, args)));
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        return delegate.process(annotations, roundEnv);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
            Element element, AnnotationMirror annotation, ExecutableElement member, String text) {
        return delegate.getCompletions(element, annotation, member, text);
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(
                Proxy.newProxyInstance(
                        RecordingProcessor.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
            throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
