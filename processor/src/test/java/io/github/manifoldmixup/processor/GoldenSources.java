package io.github.manifoldmixup.processor;

import javax.tools.JavaFileObject;

/** The user classes of the golden-source tests. */
final class GoldenSources {

    static final JavaFileObject NET =
            Sources.model(
                    "Net",
                    "@Mixable",
                    "public abstract class Net extends AbstractBlock {",
                    "    @Mixable Block stem = Linear.builder().setUnits(8).build();",
                    "    @Residual Block stage = Linear.builder().setUnits(8).build();",
                    "    @NoMixup Block head = Linear.builder().setUnits(2).build();",
                    "}");

    static final JavaFileObject PAIR =
            Sources.model(
                    "Pair",
                    "@Mixable",
                    "public class Pair extends AbstractBlock {",
                    "    @Mixable Block first;",
                    "    Block second;",
                    "",
                    "    public Pair(int units) {",
                    "        first = addChildBlock(\"first\", Linear.builder().setUnits(units).build());",
                    "        second = addChildBlock(\"second\", Linear.builder().setUnits(2).build());",
                    "    }",
                    "",
                    "    @Override",
                    "    protected NDList forwardInternal(",
                    "            ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {",
                    "        return second.forward(ps, first.forward(ps, in, training, p), training, p);",
                    "    }",
                    "",
                    "    @Override",
                    "    public Shape[] getOutputShapes(Shape[] in) {",
                    "        return second.getOutputShapes(first.getOutputShapes(in));",
                    "    }",
                    "",
                    "    @Override",
                    "    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {",
                    "        first.initialize(m, t, in);",
                    "        second.initialize(m, t, first.getOutputShapes(in));",
                    "    }",
                    "}");

    /** A declarative class nesting {@code Pair}. */
    static final JavaFileObject TRUNK =
            Sources.model(
                    "Trunk",
                    "@Mixable",
                    "public abstract class Trunk extends AbstractBlock {",
                    "    Block stem = Linear.builder().setUnits(8).build();",
                    "    Pair pair = new Pair(8);",
                    "}");

    private GoldenSources() {}
}
