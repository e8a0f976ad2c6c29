package io.github.manifoldmixup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.manifoldmixup.processor.Blocks.assertClose;
import static io.github.manifoldmixup.processor.Blocks.assertNotClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import com.google.testing.compile.Compilation;
import io.github.manifoldmixup.runtime.Draw;
import io.github.manifoldmixup.runtime.DrawSource;
import io.github.manifoldmixup.runtime.InstrumentedBlock;
import io.github.manifoldmixup.runtime.SiteBlock;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model that writes its own forward, compiled with the processor and run with the PyTorch engine:
 * the generated block keeps the plain class's children and parameters and mixes at the drawn site
 * through the site blocks in front of its fields.
 */
class CustomForwardBlockTest {

    static final JavaFileObject TOWER =
            Sources.model(
                    "Tower",
                    "@Mixable",
                    "public class Tower extends AbstractBlock {",
                    "    @Mixable Block first;",
                    "    @Mixable Block second;",
                    "    Block head;",
                    "",
                    "    public Tower(int units) {",
                    "        first = addChildBlock(\"first\", Linear.builder().setUnits(units).build());",
                    "        second = addChildBlock(\"second\", Linear.builder().setUnits(units).build());",
                    "        head = addChildBlock(\"head\", Linear.builder().setUnits(2).build());",
                    "    }",
                    "",
                    "    @Override",
                    "    protected NDList forwardInternal(",
                    "            ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {",
                    "        NDList h = first.forward(ps, in, training, p);",
                    "        h = new NDList(Activation.relu(h.singletonOrThrow()));",
                    "        h = second.forward(ps, h, training, p);",
                    "        h = new NDList(Activation.relu(h.singletonOrThrow()));",
                    "        return head.forward(ps, h, training, p);",
                    "    }",
                    "",
                    "    @Override",
                    "    public Shape[] getOutputShapes(Shape[] in) {",
                    "        return head.getOutputShapes(second.getOutputShapes(first.getOutputShapes(in)));",
                    "    }",
                    "",
                    "    @Override",
                    "    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {",
                    "        first.initialize(m, t, in);",
                    "        Shape[] next = first.getOutputShapes(in);",
                    "        second.initialize(m, t, next);",
                    "        head.initialize(m, t, second.getOutputShapes(next));",
                    "    }",
                    "}");

    private static final Shape INPUT = new Shape(6, 3);
    private static final Class<?>[] UNITS = {int.class};

    private static CompiledClasses classes;
    private static NDManager manager;

    @BeforeAll
    static void compile() {
        Compilation compilation = Sources.compile(TOWER);
        assertThat(compilation).succeededWithoutWarnings();
        classes = new CompiledClasses(compilation);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static InstrumentedBlock newTower() {
        InstrumentedBlock block =
                classes.create(InstrumentedBlock.class, "test.MixupTower", UNITS, 4);
        return Blocks.initialized(block, manager, INPUT);
    }

    private static Block newPlainTower() {
        return classes.create(Block.class, "test.Tower", UNITS, 4);
    }

    /** Tower's forward written out through the block's children, with a blend after one. */
    private static NDArray byHand(Block block, NDArray x, int blendAfter, Draw draw) {
        List<Block> children = Blocks.children(block);
        NDList h = new NDList(x);
        if (blendAfter == 0) {
            h = draw.blend(h);
        }
        for (int i = 0; i < 2; i++) {
            h = Blocks.forward(children.get(i), h, true);
            if (i + 1 == blendAfter) {
                h = draw.blend(h);
            }
            h = new NDList(Activation.relu(h.singletonOrThrow()));
        }
        return Blocks.forward(children.get(2), h, true).singletonOrThrow();
    }

    private static DrawSource source(boolean inputMixup, int... sites) {
        return DrawSource.builder()
                .setSiteCount(2)
                .optInputMixup(inputMixup)
                .optSites(sites)
                .optSeed(1)
                .build();
    }

    @Test
    void construction_keepsChildrenOfThePlainClassAndFrontsTheSiteFields() {
        InstrumentedBlock block = newTower();

        assertEquals(List.of("first", "second"), block.getSiteTable().paths());
        assertEquals(List.of("01first", "02second", "03head"), block.getChildren().keys());
        for (Block child : Blocks.children(block)) {
            assertInstanceOf(Linear.class, child);
        }
        assertInstanceOf(SiteBlock.class, classes.field(block, "test.Tower", "first"));
        assertInstanceOf(SiteBlock.class, classes.field(block, "test.Tower", "second"));
        assertFalse(classes.field(block, "test.Tower", "head") instanceof SiteBlock);
    }

    @Test
    void noDrawSource_computesWhatThePlainClassComputes() {
        InstrumentedBlock block = newTower();
        Block plain = newPlainTower();
        NDArray x = Blocks.input(manager, 6, 3);

        Blocks.loadParameters(plain, manager, Blocks.saveParameters(block));

        assertClose(Blocks.forward(plain, x, true), Blocks.forward(block, x, true));
        assertClose(byHand(block, x, -1, null), Blocks.forward(block, x, true));
    }

    @Test
    void evaluationPass_withDrawSource_isNotMixed() {
        InstrumentedBlock block = newTower();
        block.setDrawSource(source(true, 1, 2));
        NDArray x = Blocks.input(manager, 6, 3);

        NDArray out = Blocks.forward(block, x, false);

        assertClose(byHand(block, x, -1, null), out);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void trainingPass_drawAtOneSite_mixesExactlyTheStateAfterThatSite(int site) {
        InstrumentedBlock block = newTower();
        DrawSource source = source(false, site);
        block.setDrawSource(source);
        NDArray x = Blocks.input(manager, 6, 3);

        NDArray out = Blocks.forward(block, x, true);

        Draw draw = source.current(x.getDevice());
        assertEquals(site, draw.site());
        assertClose(byHand(block, x, site, draw), out);
        assertNotClose(byHand(block, x, -1, null), out);
        source.finishBatch();
    }

    @Test
    void trainingPass_inputMixup_mixesTheInput() {
        InstrumentedBlock block = newTower();
        DrawSource source = source(true);
        block.setDrawSource(source);
        NDArray x = Blocks.input(manager, 6, 3);

        NDArray out = Blocks.forward(block, x, true);

        Draw draw = source.current(x.getDevice());
        assertEquals(Draw.INPUT_SITE, draw.site());
        assertClose(byHand(block, x, 0, draw), out);
        source.finishBatch();
    }

    @Test
    void parameters_loadIntoThePlainClassAndBack() {
        InstrumentedBlock block = newTower();
        Block plain = Blocks.initialized(newPlainTower(), manager, INPUT);
        NDArray x = Blocks.input(manager, 6, 3);
        assertNotClose(Blocks.forward(plain, x, false), Blocks.forward(block, x, false));

        Blocks.loadParameters(plain, manager, Blocks.saveParameters(block));
        assertEquals(block.getParameters().keys(), plain.getParameters().keys());
        assertClose(Blocks.forward(block, x, false), Blocks.forward(plain, x, false));

        Block other = Blocks.initialized(newPlainTower(), manager, INPUT);
        Blocks.loadParameters(block, manager, Blocks.saveParameters(other));
        assertClose(Blocks.forward(other, x, false), Blocks.forward(block, x, false));
    }
}
