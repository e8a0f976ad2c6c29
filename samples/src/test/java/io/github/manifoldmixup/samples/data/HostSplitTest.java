package io.github.manifoldmixup.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostSplitTest {

    /** 30 samples of shape (2), labels 0,0,0,1,1,1,...; sample i holds (i, -i). */
    private static HostSplit sequence(int perClass, int classes) {
        int n = perClass * classes;
        float[] features = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            features[2 * i] = i;
            features[2 * i + 1] = -i;
            labels[i] = i / perClass;
        }
        return HostSplit.of(features, new Shape(2), labels, classes);
    }

    @Test
    void of_rejectsFeaturesThatDoNotMatchLabels() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HostSplit.of(new float[5], new Shape(2), new int[3], 2));

        assertEquals(
                "features must hold 3 samples of shape (2) (6 floats), found 5 floats",
                e.getMessage());
    }

    @Test
    void of_rejectsLabelOutOfRange() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HostSplit.of(new float[4], new Shape(2), new int[] {0, 2}, 2));

        assertTrue(e.getMessage().contains("found 2 at position 1"), e.getMessage());
    }

    @Test
    void select_keepsFeaturesWithTheirLabels() {
        HostSplit split = sequence(3, 3);

        HostSplit selected = split.select(new int[] {7, 0, 7});

        assertArrayEquals(new int[] {2, 0, 2}, selected.labels());
        assertArrayEquals(new float[] {7, -7, 0, 0, 7, -7}, selected.features());
    }

    @Test
    void balancedSubset_takesEqualShareOfEachClassAndIsSeeded() {
        HostSplit split = sequence(50, 4);

        HostSplit subset = split.balancedSubset(42, 3);

        // 42 = 4 * 10 + 2: the first two classes get 11, the others 10.
        assertArrayEquals(new int[] {11, 11, 10, 10}, subset.classCounts());
        assertArrayEquals(subset.features(), split.balancedSubset(42, 3).features());
        assertFalse(
                java.util.Arrays.equals(subset.features(), split.balancedSubset(42, 4).features()));
        Set<Float> distinct = new HashSet<>();
        for (int i = 0; i < subset.size(); i++) {
            distinct.add(subset.feature(i, 0));
            assertEquals(subset.label(i), (int) subset.feature(i, 0) / 50, "label travels along");
        }
        assertEquals(42, distinct.size(), "drawn without replacement");
    }

    @Test
    void balancedSubset_namesClassWithTooFewSamples() {
        HostSplit split = sequence(5, 2);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> split.balancedSubset(12, 1));

        assertEquals("a balanced subset of 12 needs 6 samples of class 0, found 5", e.getMessage());
    }

    @Test
    void randomSubset_drawsDistinctSamples() {
        HostSplit split = sequence(10, 2);

        HostSplit subset = split.randomSubset(15, 9);

        Set<Float> distinct = new HashSet<>();
        for (int i = 0; i < subset.size(); i++) {
            distinct.add(subset.feature(i, 0));
        }
        assertEquals(15, distinct.size());
        assertThrows(IllegalArgumentException.class, () -> split.randomSubset(21, 9));
    }

    @Test
    void holdOut_stratifiesAndPartitions() {
        HostSplit split = sequence(40, 3);

        HostSplit.Partition parts = split.holdOut(0.1, 5);

        assertArrayEquals(new int[] {4, 4, 4}, parts.heldOut().classCounts());
        assertArrayEquals(new int[] {36, 36, 36}, parts.rest().classCounts());
        Set<Float> all = new HashSet<>();
        for (HostSplit part : List.of(parts.rest(), parts.heldOut())) {
            float previous = -1;
            for (int i = 0; i < part.size(); i++) {
                assertTrue(part.feature(i, 0) > previous, "original order kept");
                previous = part.feature(i, 0);
                all.add(previous);
            }
        }
        assertEquals(120, all.size(), "every sample in exactly one part");
    }

    @Test
    void withSampleShape_viewsSameFloatsDifferently() {
        HostSplit split = sequence(2, 2);

        HostSplit reshaped = split.withSampleShape(new Shape(1, 2));

        assertEquals(new Shape(1, 2), reshaped.sampleShape());
        assertArrayEquals(split.features(), reshaped.features());
        assertThrows(IllegalArgumentException.class, () -> split.withSampleShape(new Shape(3)));
    }

    @Test
    void arrayDataset_batchesFloatLabelsThatDjlLossAndAccuracyAccept()
            throws IOException, TranslateException {
        HostSplit split = sequence(4, 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayDataset dataset = split.toArrayDataset(manager, 5, false);

            Iterator<Batch> batches = dataset.getData(manager).iterator();
            Batch first = batches.next();
            NDArray labels = first.getLabels().singletonOrThrow();
            Shape dataShape = first.getData().singletonOrThrow().getShape();
            NDArray logits = manager.zeros(new Shape(5, 3));
            float loss =
                    Loss.softmaxCrossEntropyLoss()
                            .evaluate(first.getLabels(), new NDList(logits))
                            .getFloat();
            NDArray correct = new Accuracy().evaluate(first.getLabels(), new NDList(logits)).sum();
            float[] labelValues = labels.toFloatArray();
            DataType labelType = labels.getDataType();
            int batchCount = 1;
            while (batches.hasNext()) {
                batches.next().close();
                batchCount++;
            }

            assertEquals(3, batchCount, "12 samples in batches of 5, 5 and 2");
            assertEquals(new Shape(5, 2), dataShape);
            assertEquals(DataType.FLOAT32, labelType);
            assertArrayEquals(new float[] {0, 0, 0, 0, 1}, labelValues);
            assertEquals((float) Math.log(3), loss, 1e-6f);
            assertEquals(4L, correct.toType(DataType.INT64, false).getLong(), "argmax 0 hits 4");
        }
    }

    @Test
    void seededShuffleSampler_givesSameOrdersForSameSeed() throws IOException, TranslateException {
        HostSplit split = sequence(10, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Float> a = firstColumnOverTwoEpochs(split, manager, 11);
            List<Float> b = firstColumnOverTwoEpochs(split, manager, 11);
            List<Float> c = firstColumnOverTwoEpochs(split, manager, 12);

            assertEquals(a, b);
            assertFalse(a.equals(c));
            assertEquals(20, new HashSet<>(a.subList(0, 20)).size(), "each sample once per epoch");
            assertFalse(a.subList(0, 20).equals(a.subList(20, 40)), "new order every epoch");
        }
    }

    private static List<Float> firstColumnOverTwoEpochs(
            HostSplit split, NDManager manager, long seed) throws IOException, TranslateException {
        ArrayDataset dataset =
                split.toArrayDataset(manager, new BatchSampler(new SeededShuffleSampler(seed), 4));
        List<Float> seen = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            for (Batch batch : dataset.getData(manager)) {
                float[] features = batch.getData().singletonOrThrow().toFloatArray();
                for (int i = 0; i < features.length; i += 2) {
                    seen.add(features[i]);
                }
                batch.close();
            }
        }
        return seen;
    }
}
