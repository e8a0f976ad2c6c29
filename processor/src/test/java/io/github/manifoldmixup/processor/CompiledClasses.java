package io.github.manifoldmixup.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes of an in-memory compilation, generated ones included; everything else (DJL, the
 * runtime) comes from the test's own class loader, so instances can be used as DJL blocks here.
 */
final class CompiledClasses extends ClassLoader {

    private static final String OUTPUT = "CLASS_OUTPUT/";

    private final Map<String, byte[]> classes = new HashMap<>();

    CompiledClasses(Compilation compilation) {
        super(CompiledClasses.class.getClassLoader());
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String name = path.substring(path.indexOf(OUTPUT) + OUTPUT.length());
            name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /**
     * Creates an instance of a compiled class through its constructor of these parameter types.
     *
     * @param name the binary class name, such as {@code test.MixupNet}
     * @param types the constructor's parameter types
     * @param args the arguments
     * @return the new instance
     */
    <T> T create(Class<T> as, String name, Class<?>[] types, Object... args) {
        try {
            return as.cast(loadClass(name).getConstructor(types).newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
    }

    /** Creates an instance of a compiled class through its public no-argument constructor. */
    <T> T create(Class<T> as, String name) {
        return create(as, name, new Class<?>[0]);
    }

    /** Reads an instance field, of any access, declared by a compiled class. */
    Object field(Object instance, String className, String field) {
        try {
            java.lang.reflect.Field declared = loadClass(className).getDeclaredField(field);
            declared.setAccessible(true);
            return declared.get(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + className + "." + field, e);
        }
    }

    /** Reads a public static field of a compiled class. */
    Object staticField(String className, String field) {
        try {
            return loadClass(className).getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + className + "." + field, e);
        }
    }
}
