package io.github.manifoldmixup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.manifoldmixup.runtime.Site;
import io.github.manifoldmixup.runtime.SiteTable;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The site rules of {@code @Mixable} in declaration order, the processor options, and the shape of
 * the generated class (name, access, constructors) for less common classes.
 */
class SiteRulesTest {

    private static final String LINEAR = "Linear.builder().setUnits(4).build();";

    private static SiteTable sites(Compilation compilation, String generatedClass) {
        assertThat(compilation).succeededWithoutWarnings();
        return (SiteTable) new CompiledClasses(compilation).staticField(generatedClass, "SITES");
    }

    @Test
    void rule1_markedFieldsAreTheOnlySites() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block a = " + LINEAR,
                        "    @Mixable Block b = " + LINEAR,
                        "    Block c = " + LINEAR,
                        "    @Residual Block d = " + LINEAR,
                        "}");

        SiteTable table = sites(Sources.compile(net), "test.MixupNet");

        assertEquals(
                List.of(
                        new Site(1, "b", "ai.djl.nn.Block", false),
                        new Site(2, "d", "ai.djl.nn.Block", true)),
                table.sites());
    }

    @Test
    void rule2_withoutMarks_residualUnitsAreTheSites() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    Unit unit1;",
                        "    Unit unit2;",
                        "    Block head = " + LINEAR,
                        "",
                        "    @Residual",
                        "    public abstract static class Unit extends AbstractBlock {}",
                        "}");

        SiteTable table = sites(Sources.compile(net), "test.MixupNet");

        assertEquals(
                List.of(
                        new Site(1, "unit1", "test.Net$Unit", true),
                        new Site(2, "unit2", "test.Net$Unit", true)),
                table.sites());
    }

    @Test
    void rule3_withoutMarksOrUnits_everyMixableKindIsASite() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    Dropout dropout;",
                        "    BatchNorm norm;",
                        "    SequentialBlock sequence;",
                        "    LSTM lstm;",
                        "    Linear hidden;",
                        "    @NoMixup Block head = " + LINEAR,
                        "    String name = \"not a block\";",
                        "    static Block shared = " + LINEAR,
                        "}");

        SiteTable table = sites(Sources.compile(net), "test.MixupNet");

        assertEquals(List.of("stem", "hidden"), table.paths());
        assertEquals("ai.djl.nn.core.Linear", table.get(2).blockType());
    }

    @Test
    void nonMixableOption_excludesListedKindsAndTheirSubclasses() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    MyNorm norm;",
                        "    SubNorm subNorm;",
                        "    Linear out;",
                        "",
                        "    public abstract static class MyNorm extends AbstractBlock {}",
                        "",
                        "    public abstract static class SubNorm extends MyNorm {}",
                        "}");

        Compilation compilation =
                Sources.compile(
                        List.of("-Amixup.nonMixable=com.example.Other, test.Net.MyNorm"), net);

        assertEquals(List.of("stem", "out"), sites(compilation, "test.MixupNet").paths());
    }

    @Test
    void nestedRules_residualFieldIsOneSite_noMixupFieldNone_plainFieldNests() {
        JavaFileObject inner =
                Sources.model(
                        "Inner",
                        "@Mixable",
                        "public abstract class Inner extends AbstractBlock {",
                        "    Block x = " + LINEAR,
                        "    Block y = " + LINEAR,
                        "}");
        JavaFileObject outer =
                Sources.model(
                        "Outer",
                        "@Mixable",
                        "public abstract class Outer extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    @Residual Inner unit = new MixupInner();",
                        "    @NoMixup Inner skipped = new MixupInner();",
                        "    Inner nested = new MixupInner();",
                        "}");

        SiteTable table = sites(Sources.compile(inner, outer), "test.MixupOuter");

        assertEquals(
                List.of(
                        new Site(1, "unit", "test.Inner", true),
                        new Site(2, "nested.x", "ai.djl.nn.Block", false),
                        new Site(3, "nested.y", "ai.djl.nn.Block", false)),
                table.sites());
    }

    @Test
    void nestedRules_mixableMarkOnNestedField_countsAsAMarkForRule1() {
        JavaFileObject inner =
                Sources.model(
                        "Inner",
                        "@Mixable",
                        "public abstract class Inner extends AbstractBlock {",
                        "    Block x = " + LINEAR,
                        "}");
        JavaFileObject outer =
                Sources.model(
                        "Outer",
                        "@Mixable",
                        "public abstract class Outer extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    @Mixable Inner inner = new MixupInner();",
                        "}");

        SiteTable table = sites(Sources.compile(inner, outer), "test.MixupOuter");

        assertEquals(List.of("inner.x"), table.paths());
    }

    @Test
    void debugOption_printsTheSitesOfEachGeneratedClassAsANote() {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "public abstract class Net extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "    @Residual Block unit = " + LINEAR,
                        "}");

        Compilation quiet = Sources.compile(net);
        Compilation debug = Sources.compile(List.of("-Amixup.debug=true"), net);

        assertTrue(quiet.notes().isEmpty(), () -> quiet.notes().toString());
        assertThat(debug).succeeded();
        assertThat(debug).hadNoteContaining(Message.SITES_NOTE.tag());
        assertThat(debug).hadNoteContaining("1 unit ai.djl.nn.Block (residual unit)");
        assertThat(debug).hadNoteContaining("MixupNet (declarative)");
    }

    @Test
    void nestedUserClass_generatesOuterUnderscoreInnerInTheSamePackage() {
        JavaFileObject zoo =
                Sources.model(
                        "Zoo",
                        "public class Zoo {",
                        "    @Mixable",
                        "    public abstract static class Net extends AbstractBlock {",
                        "        Block stem = " + LINEAR,
                        "    }",
                        "}");

        Compilation compilation = Sources.compile(zoo);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.MixupZoo_Net");
    }

    @Test
    void constructors_mirroredWithParametersVarargsExceptionsAndAccess() throws Exception {
        JavaFileObject net =
                Sources.model(
                        "Net",
                        "@Mixable",
                        "abstract class Net extends AbstractBlock {",
                        "    final Block stem;",
                        "",
                        "    protected Net(int units, String... names) throws java.io.IOException {",
                        "        stem = Linear.builder().setUnits(units).build();",
                        "    }",
                        "",
                        "    <T extends Number> Net(T units, boolean flag) {",
                        "        stem = Linear.builder().setUnits(units.intValue()).build();",
                        "    }",
                        "",
                        "    private Net() {",
                        "        stem = null;",
                        "    }",
                        "}");

        Compilation compilation = Sources.compile(net);

        assertThat(compilation).succeededWithoutWarnings();
        Class<?> generated = new CompiledClasses(compilation).loadClass("test.MixupNet");
        assertFalse(Modifier.isPublic(generated.getModifiers()));
        assertEquals(2, generated.getDeclaredConstructors().length);
        Constructor<?> first = generated.getDeclaredConstructor(int.class, String[].class);
        assertTrue(Modifier.isPublic(first.getModifiers()));
        assertTrue(first.isVarArgs());
        assertEquals(List.of(IOException.class), List.of(first.getExceptionTypes()));
        Constructor<?> second = generated.getDeclaredConstructor(Number.class, boolean.class);
        assertEquals(0, second.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED));
        assertEquals(1, second.getTypeParameters().length);
    }

    @Test
    void unusualClasses_genericDeprecatedAndPublicForward_compileWithoutWarnings() {
        JavaFileObject generic =
                Sources.model(
                        "Gen",
                        "@Mixable",
                        "public abstract class Gen<T extends Block> extends AbstractBlock {",
                        "    T first;",
                        "    Block second = " + LINEAR,
                        "}");
        JavaFileObject deprecated =
                Sources.model(
                        "Old",
                        "/** An old model. @deprecated use another */",
                        "@Deprecated",
                        "@Mixable",
                        "public abstract class Old extends AbstractBlock {",
                        "    Block stem = " + LINEAR,
                        "}");
        JavaFileObject publicForward =
                Sources.model(
                        "Open",
                        "@Mixable",
                        "public abstract class Open extends AbstractBlock {",
                        "    @Mixable Block stem = " + LINEAR,
                        "    Gen<Block> nested;",
                        "",
                        "    @Override",
                        "    public NDList forwardInternal(",
                        "            ParameterStore ps, NDList in, boolean t, PairList<String, Object> p) {",
                        "        return stem.forward(ps, in, t, p);",
                        "    }",
                        "",
                        "    @Override",
                        "    public Shape[] getOutputShapes(Shape[] in) {",
                        "        return stem.getOutputShapes(in);",
                        "    }",
                        "}");

        Compilation compilation = Sources.compile(generic, deprecated, publicForward);

        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(
                List.of("stem", "nested.first", "nested.second"),
                sites(compilation, "test.MixupOpen").paths());
    }
}
