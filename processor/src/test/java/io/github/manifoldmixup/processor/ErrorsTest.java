package io.github.manifoldmixup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per error tag: the message is reported, with its tag, at the offending line. */
class ErrorsTest {

    private static final String LINEAR = "Linear.builder().setUnits(4).build();";

    /** A concrete custom-forward class over two fields; the lines mark the fields. */
    private static JavaFileObject customForward(
            String classModifiers, String firstField, String forwardModifiers) {
        return Sources.model(
                "Tower",
                "@Mixable",
                "public " + classModifiers + "class Tower extends AbstractBlock {",
                "    " + firstField,
                "    Block second;",
                "",
                "    public Tower() {",
                "        first = addChildBlock(\"first\", " + LINEAR.replace(";", ");"),
                "        second = addChildBlock(\"second\", " + LINEAR.replace(";", ");"),
                "    }",
                "",
                "    @Override",
                "    " + forwardModifiers + "NDList forwardInternal(",
                "            ParameterStore ps, NDList in, boolean training, PairList<String, Object>"
                        + " params) {",
                "        NDList h = first.forward(ps, in, training, params);",
                "        return second.forward(ps, h, training, params);",
                "    }",
                "",
                "    @Override",
                "    public Shape[] getOutputShapes(Shape[] in) {",
                "        return second.getOutputShapes(first.getOutputShapes(in));",
                "    }",
                "}");
    }

    private static void assertError(
            Compilation compilation, Message message, JavaFileObject file, String line) {
        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining(message.tag())
                .inFile(file)
                .onLineContaining(line);
    }

    @Test
    void conflict_mixableAndNoMixupOnOneField_reportedAtField() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    @Mixable @NoMixup Block stem = " + LINEAR,
                        "    @Mixable Block hidden = " + LINEAR,
                        "}");

        Compilation compilation = Sources.compile(net);

        assertError(compilation, Message.CONFLICTING_ANNOTATIONS, net, "Block stem");
        assertThat(compilation).hadErrorContaining("Keep one of the two");
    }

    @Test
    void conflict_mixableAndNoMixupOnOneClass_reportedAtClass() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "@NoMixup",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "}");

        assertError(Sources.compile(net), Message.CONFLICTING_ANNOTATIONS, net, "@NoMixup");
    }

    @Test
    void residualClass_mixableAndResidualOnOneClass_reportedAtResidual() {
        JavaFileObject unit =
                Sources.model(
                        "Unit",
                        "@Mixable",
                        "@Residual",
                        "public abstract class Unit extends AbstractBlock {",
                        "    Block branch = " + LINEAR,
                        "}");

        assertError(Sources.compile(unit), Message.MIXABLE_AND_RESIDUAL_CLASS, unit, "@Residual");
    }

    @Test
    void insideResidual_mixableFieldInResidualClass_reportedAtField() {
        JavaFileObject unit =
                Sources.model(
                        "Unit",
                        "@Residual",
                        "public abstract class Unit extends AbstractBlock {",
                        "    @Mixable Block branch = " + LINEAR,
                        "}");

        assertError(Sources.compile(unit), Message.MIXABLE_INSIDE_RESIDUAL, unit, "Block branch");
    }

    @Test
    void noMixupType_markedFieldOfNoMixupClass_reportedAtField() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    @Mixable Head head;",
                        "",
                        "    @NoMixup",
                        "    public abstract static class Head extends AbstractBlock {}",
                        "}");

        assertError(Sources.compile(net), Message.SITE_OF_NO_MIXUP_TYPE, net, "Head head");
    }

    @Test
    void notABlock_mixableStringField_reportedAtField() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    @Mixable String name = \"net\";",
                        "    Block stem = " + LINEAR,
                        "}");

        assertError(Sources.compile(net), Message.FIELD_NOT_A_BLOCK, net, "String name");
    }

    @Test
    void notABlock_mixableFieldOutsideMixableClass_reportedAtField() {
        JavaFileObject holder =
                Sources.model(
                        "Holder",
                        "public class Holder {",
                        "    @Mixable Object thing = new Object();",
                        "}");

        assertError(Sources.compile(holder), Message.FIELD_NOT_A_BLOCK, holder, "Object thing");
    }

    @Test
    void staticField_mixableStaticBlock_reportedAtField() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    @Mixable static Block shared = " + LINEAR,
                        "    @Mixable Block stem = " + LINEAR,
                        "}");

        assertError(Sources.compile(net), Message.STATIC_FIELD, net, "Block shared");
    }

    @Test
    void recurrentSite_mixableLstm_reportedAtField() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    @Mixable LSTM lstm = LSTM.builder().setStateSize(4).setNumLayers(1).build();",
                        "    @Mixable Block stem = " + LINEAR,
                        "}");

        Compilation compilation = Sources.compile(net);

        assertError(compilation, Message.RECURRENT_SITE, net, "LSTM lstm");
        assertThat(compilation).hadErrorContaining("ai.djl.nn.recurrent.LSTM");
    }

    @Test
    void privateField_declarativeChild_reportedAtField() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    private Block stem = " + LINEAR,
                        "    Block hidden = " + LINEAR,
                        "}");

        assertError(Sources.compile(net), Message.PRIVATE_FIELD, net, "private Block stem");
    }

    @Test
    void privateField_customForwardSite_reportedAtField() {
        JavaFileObject tower = customForward("", "@Mixable private Block first;", "protected ");

        assertError(Sources.compile(tower), Message.PRIVATE_FIELD, tower, "private Block first");
    }

    @Test
    void finalSiteField_customForward_reportedAtField() {
        JavaFileObject tower = customForward("", "@Mixable final Block first;", "protected ");

        assertError(Sources.compile(tower), Message.FINAL_SITE_FIELD, tower, "final Block first");
    }

    @Test
    void siteFieldType_customForwardSiteDeclaredAsLinear_reportedAtField() {
        JavaFileObject tower = customForward("", "@Mixable Linear first;", "protected ");

        Compilation compilation = Sources.compile(tower);

        assertError(compilation, Message.SITE_FIELD_TYPE, tower, "Linear first");
        assertThat(compilation).hadErrorContaining("Declare the field as Block");
    }

    @Test
    void finalForward_customForwardWithFinalForwardInternal_reportedAtMethod() {
        JavaFileObject tower = customForward("", "@Mixable Block first;", "protected final ");

        assertError(Sources.compile(tower), Message.FINAL_FORWARD, tower, "final NDList");
    }

    @Test
    void reservedName_childNamedLikeTheHooks_reportedAtField() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block mixupHooks = " + LINEAR,
                        "}");

        assertError(Sources.compile(net), Message.RESERVED_FIELD_NAME, net, "Block mixupHooks");
    }

    @Test
    void nestingCycle_classNestsItself_reportedAtField() {
        JavaFileObject loop =
                Sources.model(
                        "Loop",
                        "@Mixable",
                        "public abstract class Loop extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    Loop again;",
                        "}");

        assertError(Sources.compile(loop), Message.NESTING_CYCLE, loop, "Loop again");
    }

    @Test
    void nestedInvalid_nestedClassWithoutSite_reportedAtFieldAndAtNestedClass() {
        JavaFileObject stage =
                Sources.model(
                        "Stage",
                        "@Mixable",
                        "public abstract class Stage extends AbstractBlock {",
                        "    @NoMixup Block only = " + LINEAR,
                        "}");
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    Stage stage;",
                        "}");

        Compilation compilation = Sources.compile(net, stage);

        assertError(compilation, Message.NESTED_INVALID, net, "Stage stage");
        assertError(compilation, Message.NO_SITE, stage, "public abstract class Stage");
    }

    @Test
    void nestedNotGenerated_nestedClassCompiledWithoutProcessor_reportedAtField(
            @TempDir Path classes) throws IOException {
        JavaFileObject stage =
                Sources.model(
                        "Stage",
                        "@Mixable",
                        "public abstract class Stage extends AbstractBlock {",
                        "    Block inner = " + LINEAR,
                        "}");
        Compilation library = Compiler.javac().withOptions("-proc:none").compile(stage);
        assertThat(library).succeeded();
        writeClasses(library, classes);
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    Stage stage;",
                        "}");
        List<File> classpath = new ArrayList<>();
        classpath.add(classes.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }

        Compilation compilation =
                Compiler.javac()
                        .withProcessors(new MixupProcessor())
                        .withClasspath(classpath)
                        .compile(net);

        assertError(compilation, Message.NESTED_NOT_GENERATED, net, "Stage stage");
        assertThat(compilation).hadErrorContaining("test.MixupStage");
    }

    private static void writeClasses(Compilation compilation, Path directory) throws IOException {
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            Path target = directory.resolve(path.substring(path.indexOf("CLASS_OUTPUT/") + 13));
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.write(target, in.readAllBytes());
            }
        }
    }

    @Test
    void classNotABlock_plainClass_reportedAtClass() {
        JavaFileObject holder =
                Sources.model(
                        "Holder",
                        "@Mixable",
                        "public abstract class Holder {",
                        "    Block stem = " + LINEAR,
                        "}");

        assertError(Sources.compile(holder), Message.CLASS_NOT_A_BLOCK, holder, "class Holder");
    }

    @Test
    void classNotABlock_interface_reportedAtInterface() {
        JavaFileObject model =
                Sources.model("Model", "@Mixable", "public interface Model extends Block {}");

        Compilation compilation = Sources.compile(model);

        assertError(compilation, Message.CLASS_NOT_A_BLOCK, model, "interface Model");
        assertThat(compilation).hadErrorContaining("@Mixable interface Model");
    }

    @Test
    void finalClass_finalCustomForward_reportedAtClass() {
        JavaFileObject tower = customForward("final ", "@Mixable Block first;", "protected ");

        assertError(Sources.compile(tower), Message.FINAL_CLASS, tower, "final class Tower");
    }

    @Test
    void privateClass_privateNestedClass_reportedAtClass() {
        JavaFileObject zoo =
                Sources.model(
                        "Zoo",
                        "public class Zoo {",
                        "    @Mixable",
                        "    private abstract static class Net extends AbstractBlock {",
                        "        Block stem = " + LINEAR,
                        "    }",
                        "}");

        assertError(Sources.compile(zoo), Message.PRIVATE_CLASS, zoo, "class Net");
    }

    @Test
    void innerClass_nonStaticNestedClass_reportedAtClass() {
        JavaFileObject zoo =
                Sources.model(
                        "Zoo",
                        "public class Zoo {",
                        "    @Mixable",
                        "    public abstract class Net extends AbstractBlock {",
                        "        Block stem = " + LINEAR,
                        "    }",
                        "}");

        assertError(Sources.compile(zoo), Message.INNER_CLASS, zoo, "class Net");
    }

    @Test
    void noConstructor_onlyPrivateConstructors_reportedAtClass() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "",
                        "    private Net() {}",
                        "}");

        assertError(Sources.compile(net), Message.NO_CONSTRUCTOR, net, "class Net");
    }

    @Test
    void abstractMethod_userAbstractMethod_reportedAtClassNamingTheMethod() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "",
                        "    abstract int width();",
                        "}");

        Compilation compilation = Sources.compile(net);

        assertError(compilation, Message.ABSTRACT_METHOD, net, "class Net");
        assertThat(compilation).hadErrorContaining("width()");
    }

    @Test
    void noSite_onlyExcludedChildren_reportedAtClassWithHowToMarkOne() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Dropout dropout = Dropout.builder().build();",
                        "    @NoMixup Block head = " + LINEAR,
                        "}");

        Compilation compilation = Sources.compile(net);

        assertError(compilation, Message.NO_SITE, net, "class Net");
        assertThat(compilation).hadErrorContaining("with @Mixable");
    }

    @Test
    void unresolved_fieldOfMissingType_reportedAtClassAfterLastRound() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    Missing missing;",
                        "}");

        Compilation compilation = Sources.compile(net);

        assertError(compilation, Message.UNRESOLVED_TYPES, net, "class Net");
        assertThat(compilation).hadErrorContaining("Missing");
    }

    @Test
    void severalErrors_allReportedAndValidClassStillGenerated() {
        JavaFileObject bad =
                Sources.model(
                        "Bad",
                        "@Mixable",
                        "public abstract class Bad extends AbstractBlock {",
                        "    private Block stem = " + LINEAR,
                        "    @Mixable static Block shared = " + LINEAR,
                        "    @Mixable String name = \"bad\";",
                        "    @Mixable @NoMixup Block head = " + LINEAR,
                        "",
                        "    private Bad() {}",
                        "}");
        JavaFileObject good =
                Sources.model(
                        "Good",
                        "@Mixable",
                        "public abstract class Good extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "}");

        RecordingProcessor recording = new RecordingProcessor();

        Compilation compilation =
                Compiler.javac()
                        .withProcessors(recording)
                        .withOptions("-Xlint:all")
                        .compile(bad, good);

        assertError(compilation, Message.PRIVATE_FIELD, bad, "Block stem");
        assertError(compilation, Message.STATIC_FIELD, bad, "Block shared");
        assertError(compilation, Message.FIELD_NOT_A_BLOCK, bad, "String name");
        assertError(compilation, Message.CONFLICTING_ANNOTATIONS, bad, "Block head");
        assertError(compilation, Message.NO_CONSTRUCTOR, bad, "class Bad");
        long mixupErrors =
                compilation.errors().stream()
                        .map(d -> d.getMessage(null))
                        .filter(m -> m.startsWith("[MIXUP_"))
                        .count();
        assertEquals(5, mixupErrors, () -> compilation.errors().toString());
        assertEquals(Set.of("test.MixupGood"), recording.created());
    }
}
