package io.github.manifoldmixup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.manifoldmixup.processor.Blocks.assertClose;
import static io.github.manifoldmixup.processor.Blocks.assertNotClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.testing.compile.Compilation;
import io.github.manifoldmixup.runtime.Draw;
import io.github.manifoldmixup.runtime.DrawSource;
import io.github.manifoldmixup.runtime.InstrumentedBlock;
import io.github.manifoldmixup.runtime.SiteTable;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A declarative model compiled with the processor, loaded and run with the PyTorch engine: the
 * generated block computes the plain chain, and mixes exactly at the drawn site.
 */
class DeclarativeBlockTest {

    static final JavaFileObject MLP =
            Sources.model(
                    "Mlp",
                    "@Mixable",
                    "public abstract class Mlp extends AbstractBlock {",
                    "    Block stem = Linear.builder().setUnits(5).build();",
                    "    Block hidden = Linear.builder().setUnits(4).build();",
                    "    @NoMixup Block head = Linear.builder().setUnits(2).build();",
                    "}");

    private static final Shape INPUT = new Shape(6, 3);

    private static CompiledClasses classes;
    private static NDManager manager;

    @BeforeAll
    static void compile() {
        Compilation compilation = Sources.compile(MLP);
        assertThat(compilation).succeededWithoutWarnings();
        classes = new CompiledClasses(compilation);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static InstrumentedBlock newMlp() {
        InstrumentedBlock block = classes.create(InstrumentedBlock.class, "test.MixupMlp");
        return Blocks.initialized(block, manager, INPUT);
    }

    /** The plain computation through the block's children, with a blend after one of them. */
    private static NDArray byHand(Block block, NDArray x, int blendAfter, Draw draw) {
        NDList h = new NDList(x);
        List<Block> children = Blocks.children(block);
        for (int i = 0; i < children.size(); i++) {
            if (i == 0 && blendAfter == 0) {
                h = draw.blend(h);
            }
            h = Blocks.forward(children.get(i), h, true);
            if (i + 1 == blendAfter) {
                h = draw.blend(h);
            }
        }
        return h.singletonOrThrow();
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
    void siteTable_listsDefaultRuleSitesInDeclarationOrder() {
        InstrumentedBlock block = newMlp();

        SiteTable table = block.getSiteTable();

        assertEquals(List.of("stem", "hidden"), table.paths());
        assertEquals("ai.djl.nn.Block", table.get(1).blockType());
        assertSame(table, classes.staticField("test.MixupMlp", "SITES"));
        assertEquals(List.of("01stem", "02hidden", "03head"), block.getChildren().keys());
    }

    @Test
    void noDrawSource_trainingPassComputesThePlainChain() {
        InstrumentedBlock block = newMlp();
        NDArray x = Blocks.input(manager, 6, 3);

        NDArray out = Blocks.forward(block, x, true);

        assertClose(byHand(block, x, -1, null), out);
        assertEquals(new Shape(6, 2), out.getShape());
        assertEquals(new Shape(6, 2), block.getOutputShapes(new Shape[] {INPUT})[0]);
    }

    @Test
    void evaluationPass_withDrawSource_isNotMixed() {
        InstrumentedBlock block = newMlp();
        DrawSource source = source(false, 1);
        block.setDrawSource(source);
        NDArray x = Blocks.input(manager, 6, 3);

        NDArray out = Blocks.forward(block, x, false);

        assertClose(byHand(block, x, -1, null), out);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void trainingPass_drawAtOneSite_mixesExactlyTheStateAfterThatSite(int site) {
        InstrumentedBlock block = newMlp();
        DrawSource source = source(false, site);
        block.setDrawSource(source);
        NDArray x = Blocks.input(manager, 6, 3);

        NDArray out = Blocks.forward(block, x, true);

        Draw draw = source.current(x.getDevice());
        assertNotNull(draw);
        assertEquals(site, draw.site());
        assertClose(byHand(block, x, site, draw), out);
        assertNotClose(byHand(block, x, -1, null), out);
        source.finishBatch();
    }

    @Test
    void trainingPass_inputMixup_mixesTheInput() {
        InstrumentedBlock block = newMlp();
        DrawSource source = source(true);
        block.setDrawSource(source);
        NDArray x = Blocks.input(manager, 6, 3);

        NDArray out = Blocks.forward(block, x, true);

        Draw draw = source.current(x.getDevice());
        assertEquals(Draw.INPUT_SITE, draw.site());
        assertClose(byHand(block, x, 0, draw), out);
        assertNotClose(byHand(block, x, -1, null), out);
    }

    @Test
    void twoBatches_eachPassMixedWithItsOwnDraw() {
        InstrumentedBlock block = newMlp();
        DrawSource source = source(false, 1, 2);
        block.setDrawSource(source);
        NDArray x = Blocks.input(manager, 6, 3);

        for (int batch = 0; batch < 3; batch++) {
            NDArray out = Blocks.forward(block, x, true);
            Draw draw = source.current(x.getDevice());
            assertClose(byHand(block, x, draw.site(), draw), out);
            source.finishBatch();
        }
    }

    @Test
    void parameters_loadIntoHandWrittenEquivalentAndBack() {
        InstrumentedBlock block = newMlp();
        PlainMlp plain = new PlainMlp();
        NDArray x = Blocks.input(manager, 6, 3);

        Blocks.loadParameters(plain, manager, Blocks.saveParameters(block));

        assertEquals(block.getParameters().keys(), plain.getParameters().keys());
        assertClose(Blocks.forward(block, x, false), Blocks.forward(plain, x, false));

        PlainMlp other = Blocks.initialized(new PlainMlp(), manager, INPUT);
        Blocks.loadParameters(block, manager, Blocks.saveParameters(other));
        assertClose(Blocks.forward(other, x, false), Blocks.forward(block, x, false));
    }

    /** What a user would write by hand for {@code Mlp}, without mixup. */
    private static final class PlainMlp extends AbstractBlock {
        private final Block stem = addChildBlock("stem", Linear.builder().setUnits(5).build());
        private final Block hidden = addChildBlock("hidden", Linear.builder().setUnits(4).build());
        private final Block head = addChildBlock("head", Linear.builder().setUnits(2).build());

        @Override
        protected NDList forwardInternal(
                ParameterStore store,
                NDList inputs,
                boolean training,
                PairList<String, Object> params) {
            NDList h = stem.forward(store, inputs, training, params);
            h = hidden.forward(store, h, training, params);
            return head.forward(store, h, training, params);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return head.getOutputShapes(hidden.getOutputShapes(stem.getOutputShapes(inputShapes)));
        }

        @Override
        protected void initializeChildBlocks(
                NDManager childManager, ai.djl.ndarray.types.DataType dataType, Shape... shapes) {
            stem.initialize(childManager, dataType, shapes);
            Shape[] next = stem.getOutputShapes(shapes);
            hidden.initialize(childManager, dataType, next);
            head.initialize(childManager, dataType, hidden.getOutputShapes(next));
        }
    }
}
