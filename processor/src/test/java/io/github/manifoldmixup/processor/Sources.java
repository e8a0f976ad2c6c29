package io.github.manifoldmixup.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** In-memory model sources in package {@code test}, and the compiler that runs the processor. */
final class Sources {

    /** The imports every test source starts with; unused imports cost no warning. */
    private static final List<String> HEADER =
            List.of(
                    "package test;",
                    "",
                    "import ai.djl.ndarray.NDList;",
                    "import ai.djl.ndarray.NDManager;",
                    "import ai.djl.ndarray.types.DataType;",
                    "import ai.djl.ndarray.types.Shape;",
                    "import ai.djl.nn.AbstractBlock;",
                    "import ai.djl.nn.Activation;",
                    "import ai.djl.nn.Block;",
                    "import ai.djl.nn.SequentialBlock;",
                    "import ai.djl.nn.core.Linear;",
                    "import ai.djl.nn.norm.BatchNorm;",
                    "import ai.djl.nn.norm.Dropout;",
                    "import ai.djl.nn.recurrent.LSTM;",
                    "import ai.djl.training.ParameterStore;",
                    "import ai.djl.util.PairList;",
                    "import io.github.manifoldmixup.dsl.Mixable;",
                    "import io.github.manifoldmixup.dsl.NoMixup;",
                    "import io.github.manifoldmixup.dsl.Residual;",
                    "");

    private Sources() {}

    /**
     * Returns the source of class {@code test.<name>}: the common imports, then these lines.
     *
     * @param name the simple name of the top-level class
     * @param lines the class declaration
     * @return the source
     */
    static JavaFileObject model(String name, String... lines) {
        List<String> all = new ArrayList<>(HEADER);
        all.addAll(List.of(lines));
        return JavaFileObjects.forSourceLines("test." + name, all);
    }

    /**
     * Compiles with the processor and {@code -Xlint:all -Werror}, so that a success proves the
     * generated code warning-free.
     */
    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /** Compiles with the processor, {@code -Xlint:all -Werror} and these extra options. */
    static Compilation compile(List<String> options, JavaFileObject... sources) {
        List<String> all = new ArrayList<>(List.of("-Xlint:all", "-Werror"));
        all.addAll(options);
        return Compiler.javac()
                .withProcessors(new MixupProcessor())
                .withOptions(all)
                .compile(sources);
    }
}
