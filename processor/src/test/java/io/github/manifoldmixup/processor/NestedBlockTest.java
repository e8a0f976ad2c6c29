package io.github.manifoldmixup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.manifoldmixup.processor.Blocks.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.testing.compile.Compilation;
import io.github.manifoldmixup.runtime.Draw;
import io.github.manifoldmixup.runtime.DrawSource;
import io.github.manifoldmixup.runtime.InstrumentedBlock;
import io.github.manifoldmixup.runtime.Site;
import io.github.manifoldmixup.runtime.SiteTable;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models whose fields are themselves {@code @Mixable} classes: the outer table lists the nested
 * sites with dotted paths at consecutive numbers, and the outer draw mixes at a nested site.
 */
class NestedBlockTest {

    private static final String LINEAR4 = "Linear.builder().setUnits(4).build();";

    private static final List<JavaFileObject> SOURCES =
            List.of(
                    Sources.model(
                            "Stage",
                            "@Mixable",
                            "public abstract class Stage extends AbstractBlock {",
                            "    Block inner1 = " + LINEAR4,
                            "    Block inner2 = " + LINEAR4,
                            "}"),
                    Sources.model(
                            "Trunk",
                            "@Mixable",
                            "public abstract class Trunk extends AbstractBlock {",
                            "    Block stem = " + LINEAR4,
                            "    Stage stage = new MixupStage();",
                            "    @NoMixup Block head = Linear.builder().setUnits(2).build();",
                            "}"),
                    Sources.model(
                            "Tree",
                            "@Mixable",
                            "public abstract class Tree extends AbstractBlock {",
                            "    Trunk trunk = new MixupTrunk();",
                            "}"),
                    Sources.model(
                            "Late",
                            "@Mixable",
                            "public abstract class Late extends AbstractBlock {",
                            "    Block stem = " + LINEAR4,
                            "    MixupStage stage = new MixupStage();",
                            "}"),
                    Sources.model(
                            "Duo",
                            "@Mixable",
                            "public class Duo extends AbstractBlock {",
                            "    @Mixable Block a;",
                            "    @Mixable Block b;",
                            "",
                            "    public Duo() {",
                            "        a = addChildBlock(\"a\", Linear.builder().setUnits(4).build());",
                            "        b = addChildBlock(\"b\", Linear.builder().setUnits(4).build());",
                            "    }",
                            "",
                            "    @Override",
                            "    protected NDList forwardInternal(",
                            "            ParameterStore ps, NDList in, boolean t, PairList<String, Object> p) {",
                            "        return b.forward(ps, a.forward(ps, in, t, p), t, p);",
                            "    }",
                            "",
                            "    @Override",
                            "    public Shape[] getOutputShapes(Shape[] in) {",
                            "        return b.getOutputShapes(a.getOutputShapes(in));",
                            "    }",
                            "",
                            "    @Override",
                            "    protected void initializeChildBlocks(NDManager m, DataType d, Shape... in) {",
                            "        a.initialize(m, d, in);",
                            "        b.initialize(m, d, a.getOutputShapes(in));",
                            "    }",
                            "}"),
                    Sources.model(
                            "Host",
                            "@Mixable",
                            "public abstract class Host extends AbstractBlock {",
                            "    Block stem = " + LINEAR4,
                            "    Duo plain = new Duo();",
                            "    Duo instrumented = new MixupDuo();",
                            "    @NoMixup Block head = Linear.builder().setUnits(2).build();",
                            "}"),
                    Sources.model(
                            "HandStage",
                            "public class HandStage extends Stage {",
                            "    @Override",
                            "    protected NDList forwardInternal(",
                            "            ParameterStore ps, NDList in, boolean t, PairList<String, Object> p) {",
                            "        return inner2.forward(ps, inner1.forward(ps, in, t, p), t, p);",
                            "    }",
                            "",
                            "    @Override",
                            "    public Shape[] getOutputShapes(Shape[] in) {",
                            "        return inner2.getOutputShapes(inner1.getOutputShapes(in));",
                            "    }",
                            "}"),
                    Sources.model(
                            "Wrapper",
                            "@Mixable",
                            "public abstract class Wrapper extends AbstractBlock {",
                            "    Block stem = " + LINEAR4,
                            "    Stage stage = new HandStage();",
                            "}"),
                    Sources.model(
                            "Hollow",
                            "@Mixable",
                            "public abstract class Hollow extends AbstractBlock {",
                            "    Block stem = " + LINEAR4,
                            "    Stage stage;",
                            "}"));

    private static final Shape INPUT = new Shape(6, 3);

    private static CompiledClasses classes;
    private static NDManager manager;

    @BeforeAll
    static void compile() {
        Compilation compilation = Sources.compile(SOURCES.toArray(new JavaFileObject[0]));
        assertThat(compilation).succeededWithoutWarnings();
        classes = new CompiledClasses(compilation);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static InstrumentedBlock create(String name) {
        InstrumentedBlock block = classes.create(InstrumentedBlock.class, name);
        return Blocks.initialized(block, manager, INPUT);
    }

    private static SiteTable table(String generatedClass) {
        return (SiteTable) classes.staticField(generatedClass, "SITES");
    }

    /** The leaf blocks of a tree of blocks, in forward order. */
    private static List<Block> leaves(Block block) {
        List<Block> leaves = new ArrayList<>();
        for (Block child : Blocks.children(block)) {
            if (child.getChildren().isEmpty()) {
                leaves.add(child);
            } else {
                leaves.addAll(leaves(child));
            }
        }
        return leaves;
    }

    /** Runs a chain of leaves, blending after leaf number {@code blendAfter} (from 1). */
    private static NDArray byHand(List<Block> leaves, NDArray x, int blendAfter, Draw draw) {
        NDList h = new NDList(x);
        for (int i = 0; i < leaves.size(); i++) {
            h = Blocks.forward(leaves.get(i), h, true);
            if (i + 1 == blendAfter) {
                h = draw.blend(h);
            }
        }
        return h.singletonOrThrow();
    }

    private static Draw trainAtSite(InstrumentedBlock block, NDArray x, int site, NDArray[] out) {
        DrawSource source =
                DrawSource.builder()
                        .setSiteCount(block.getSiteTable().size())
                        .optInputMixup(false)
                        .optSites(site)
                        .optSeed(1)
                        .build();
        block.setDrawSource(source);
        out[0] = Blocks.forward(block, x, true);
        Draw draw = source.current(x.getDevice());
        source.finishBatch();
        assertEquals(site, draw.site());
        return draw;
    }

    @Test
    void siteTable_listsNestedSitesWithDottedPathsAtConsecutiveNumbers() {
        SiteTable table = table("test.MixupTrunk");

        assertEquals(List.of("stem", "stage.inner1", "stage.inner2"), table.paths());
        for (int i = 1; i <= table.size(); i++) {
            assertEquals(i, table.get(i).index());
        }
        assertEquals(new Site(2, "stage.inner1", "ai.djl.nn.Block", false), table.get(2));
    }

    @Test
    void siteTable_threeLevels_prefixesEveryLevel() {
        assertEquals(
                List.of("trunk.stem", "trunk.stage.inner1", "trunk.stage.inner2"),
                table("test.MixupTree").paths());
    }

    @Test
    void siteTable_fieldTypedByGeneratedClass_waitsForItAndNests() {
        assertEquals(
                List.of("stem", "stage.inner1", "stage.inner2"), table("test.MixupLate").paths());
    }

    @Test
    void siteTable_plainAndInstrumentedCustomForwardFields_bothNest() {
        assertEquals(
                List.of("stem", "plain.a", "plain.b", "instrumented.a", "instrumented.b"),
                table("test.MixupHost").paths());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void trainingPass_drawAtNestedSite_mixesInsideTheNestedBlock(int site) {
        InstrumentedBlock block = create("test.MixupTrunk");
        NDArray x = Blocks.input(manager, 6, 3);
        NDArray[] out = new NDArray[1];

        Draw draw = trainAtSite(block, x, site, out);

        assertClose(byHand(leaves(block), x, site, draw), out[0]);
    }

    @Test
    void trainingPass_threeLevels_mixesAtTheDeepestSite() {
        InstrumentedBlock block = create("test.MixupTree");
        NDArray x = Blocks.input(manager, 6, 3);
        NDArray[] out = new NDArray[1];

        Draw draw = trainAtSite(block, x, 3, out);

        assertClose(byHand(leaves(block), x, 3, draw), out[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void trainingPass_plainOrInstrumentedCustomForwardNested_mixesAtTheDrawnSite(int site) {
        InstrumentedBlock block = create("test.MixupHost");
        NDArray x = Blocks.input(manager, 6, 3);
        NDArray[] out = new NDArray[1];

        Draw draw = trainAtSite(block, x, site, out);

        assertClose(byHand(leaves(block), x, site, draw), out[0]);
    }

    @Test
    void evaluationPass_nested_isNotMixed() {
        InstrumentedBlock block = create("test.MixupHost");
        NDArray x = Blocks.input(manager, 6, 3);
        block.setDrawSource(DrawSource.builder().setSiteCount(5).optSeed(1).build());

        NDArray out = Blocks.forward(block, x, false);

        assertClose(byHand(leaves(block), x, -1, null), out);
    }

    @Test
    void nestedDeclarativeFieldHoldingPlainSubclass_constructionFailsNamingFieldAndFix() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> classes.create(Block.class, "test.MixupWrapper"));

        Throwable cause = e.getCause().getCause();
        assertInstanceOf(IllegalStateException.class, cause);
        assertTrue(
                cause.getMessage().contains("the block at stage is a test.HandStage"),
                cause::getMessage);
        assertTrue(cause.getMessage().contains("construct it as a MixupStage"), cause::getMessage);
    }

    @Test
    void nestedFieldLeftNull_constructionFailsNamingField() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> classes.create(Block.class, "test.MixupHollow"));

        Throwable cause = e.getCause().getCause();
        assertTrue(
                cause.getMessage().startsWith("the Stage block at stage is null"),
                cause::getMessage);
    }
}
