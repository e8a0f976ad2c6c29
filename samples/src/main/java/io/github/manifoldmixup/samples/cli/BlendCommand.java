package io.github.manifoldmixup.samples.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.github.manifoldmixup.runtime.BetaSampler;
import io.github.manifoldmixup.runtime.Blend;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code blend}: measures the blend against a plain copy of the same tensor, in one run, forward
 * and forward plus backward, for every {@link Blend.Method}.
 *
 * <p>A copy reads and writes the tensor once (two memory passes); a blend must read it twice and
 * write once (three passes), so 1.5 is the floor of the ratio. The candidates run interleaved,
 * round after round, so that drifts of a shared machine hit them alike; each result is the median
 * over rounds. Every operation runs in its own {@link NDScope}, so that the arrays it makes are
 * freed before the next one.
 */
@Command(
        name = "blend",
        mixinStandardHelpOptions = true,
        description = {
            "Times the blend of a float32 128x64x14x14 tensor against a plain copy of it, forward"
                    + " and forward+backward, for each formulation, alternating in one run."
        })
public final class BlendCommand implements Callable<Integer> {

    private static final Shape SHAPE = new Shape(128, 64, 14, 14);
    private static final int WARMUP = 20;

    @Option(
            names = "--forward-rounds",
            description = "Measured rounds of forward passes (default: ${DEFAULT-VALUE}).",
            defaultValue = "200")
    int forwardRounds;

    @Option(
            names = "--backward-rounds",
            description = "Measured rounds of forward+backward passes (default: ${DEFAULT-VALUE}).",
            defaultValue = "60")
    int backwardRounds;

    @Override
    public Integer call() {
        Engine engine = Engine.getInstance();
        System.out.printf(
                Locale.ROOT,
                "Blend of float32 %s on %s (%s %s), %d processors, medians of interleaved rounds%n",
                SHAPE,
                engine.defaultDevice(),
                engine.getEngineName(),
                engine.getVersion(),
                Runtime.getRuntime().availableProcessors());
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(SHAPE);
            int n = (int) SHAPE.get(0);
            BetaSampler sampler = BetaSampler.create(2024);
            long[] perm = Arrays.stream(sampler.permutation(n)).asLongStream().toArray();
            double[] lambda = sampler.sample(0.4, n);
            float[] weights = new float[n];
            for (int i = 0; i < n; i++) {
                weights[i] = (float) lambda[i];
            }
            NDArray permArray = manager.create(perm);
            NDArray lambdaArray = manager.create(weights);

            Map<String, UnaryOperator<NDArray>> blends = new LinkedHashMap<>();
            for (Blend.Method method : Blend.Method.values()) {
                blends.put(
                        method.name().toLowerCase(Locale.ROOT),
                        t -> Blend.blend(t, permArray, lambdaArray, method));
            }
            Map<String, double[]> forward = new LinkedHashMap<>();
            blends.forEach(
                    (name, blend) ->
                            forward.put(
                                    name,
                                    measure(x, NDArray::duplicate, blend, forwardRounds, false)));

            // DJL's duplicate() leaves the autograd graph, so the copy that gradients flow through
            // is x * 1: the same two memory passes forward, one more backward.
            x.setRequiresGradient(true);
            Map<String, double[]> backward = new LinkedHashMap<>();
            blends.forEach(
                    (name, blend) ->
                            backward.put(
                                    name, measure(x, t -> t.mul(1f), blend, backwardRounds, true)));
            print(forward, backward);
        }
        return 0;
    }

    /**
     * Times a copy and a blend alternately, so that both see the same state of the machine and of
     * the memory allocator.
     *
     * @return the median milliseconds of the copy and of the blend
     */
    private static double[] measure(
            NDArray x,
            UnaryOperator<NDArray> copy,
            UnaryOperator<NDArray> blend,
            int rounds,
            boolean withBackward) {
        double[] copyTimes = new double[rounds];
        double[] blendTimes = new double[rounds];
        for (int round = -WARMUP; round < rounds; round++) {
            double copyMillis = timeOnce(x, copy, withBackward);
            double blendMillis = timeOnce(x, blend, withBackward);
            if (round >= 0) {
                copyTimes[round] = copyMillis;
                blendTimes[round] = blendMillis;
            }
        }
        return new double[] {median(copyTimes), median(blendTimes)};
    }

    @SuppressWarnings("try")
    private static double timeOnce(NDArray x, UnaryOperator<NDArray> op, boolean withBackward) {
        try (NDScope scope = new NDScope()) {
            long start = System.nanoTime();
            if (withBackward) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(op.apply(x));
                }
            } else {
                op.apply(x).getShape();
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void print(Map<String, double[]> forward, Map<String, double[]> backward) {
        double bytes = SHAPE.size() * 4.0;
        System.out.printf(
                Locale.ROOT,
                "%-16s %9s %9s %7s %9s %9s %11s %11s %7s%n",
                "method",
                "copy ms",
                "blend ms",
                "ratio",
                "copy GB/s",
                "blend GB/s",
                "copy+bwd ms",
                "blend+bwd ms",
                "ratio");
        for (String name : forward.keySet()) {
            double[] fwd = forward.get(name);
            double[] both = backward.get(name);
            System.out.printf(
                    Locale.ROOT,
                    "%-16s %9.3f %9.3f %7.2f %9.1f %10.1f %11.3f %12.3f %7.2f%n",
                    name,
                    fwd[0],
                    fwd[1],
                    fwd[1] / fwd[0],
                    2 * bytes / (fwd[0] * 1e6),
                    3 * bytes / (fwd[1] * 1e6),
                    both[0],
                    both[1],
                    both[1] / both[0]);
        }
        System.out.println(
                "ratio = median blend time / median copy time, measured alternately in this run."
                        + " GB/s counts the passes a method cannot avoid: 2 for a copy, 3 for a"
                        + " blend.");
    }
}
