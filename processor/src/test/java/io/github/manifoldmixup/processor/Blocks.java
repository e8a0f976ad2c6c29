package io.github.manifoldmixup.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs DJL blocks on small arrays for the functional tests. */
final class Blocks {

    private Blocks() {}

    /** Returns a (rows, columns) float array of distinct values. */
    static NDArray input(NDManager manager, int rows, int columns) {
        return manager.arange(rows * columns)
                .reshape(rows, columns)
                .toType(DataType.FLOAT32, false)
                .div(rows * columns)
                .sub(0.5f);
    }

    static <B extends Block> B initialized(B block, NDManager manager, Shape inputShape) {
        block.initialize(manager, DataType.FLOAT32, inputShape);
        return block;
    }

    static NDArray forward(Block block, NDArray x, boolean training) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    static NDList forward(Block block, NDList x, boolean training) {
        ParameterStore store = new ParameterStore(x.head().getManager(), false);
        return block.forward(store, x, training);
    }

    /** Returns the direct children of a block in registration order. */
    static List<Block> children(Block block) {
        return new ArrayList<>(block.getChildren().values());
    }

    static byte[] saveParameters(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void loadParameters(Block block, NDManager manager, byte[] parameters) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertClose(NDArray expected, NDArray actual) {
        assertTrue(
                expected.allClose(actual, 1e-5, 1e-6, false),
                () -> "expected " + expected + " but got " + actual);
    }

    static void assertNotClose(NDArray unexpected, NDArray actual) {
        assertTrue(
                !unexpected.allClose(actual, 1e-5, 1e-6, false),
                () -> "expected a difference from " + unexpected);
    }
}
