package io.github.manifoldmixup.samples.metrics;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post-hoc temperature scaling (Guo et al., ICML 2017): one temperature {@code T > 0} by which all
 * logits are divided, fitted to minimise the negative log-likelihood on held-out data. It changes
 * confidences, never the predicted class, so accuracy stays the same.
 *
 * <p>The fit searches {@code log T} in [{@value #MIN_LOG_TEMPERATURE}, {@value
 * #MAX_LOG_TEMPERATURE}] (T from about 0.05 to 20). The mean NLL is a convex function of {@code 1 /
 * T}, hence has a single minimum along {@code log T}: a golden-section search narrows the bracket
 * to a width of 1e-6, then up to {@value #NEWTON_STEPS} Newton steps on {@code 1 / T}, with the
 * exact first and second derivatives, polish the result, each kept only if it stays in the range
 * and does not raise the NLL. When the minimum lies at an end of the range (the logits separate the
 * held-out classes perfectly, or carry no information), the fit returns that end and logs a
 * warning.
 *
 * <p>Instances are immutable.
 */
public final class TemperatureScaling {

    /** The lower end of the search range of {@code log T}. */
    public static final double MIN_LOG_TEMPERATURE = -3;

    /** The upper end of the search range of {@code log T}. */
    public static final double MAX_LOG_TEMPERATURE = 3;

    /** The most Newton steps after the golden-section search. */
    public static final int NEWTON_STEPS = 8;

    private static final Logger logger = LoggerFactory.getLogger(TemperatureScaling.class);

    private static final double BRACKET_WIDTH = 1e-6;
    private static final double INVERSE_GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;

    private final double temperature;

    private TemperatureScaling(double temperature) {
        this.temperature = temperature;
    }

    /**
     * Returns the scaling by a given temperature.
     *
     * @param temperature the temperature, finite and {@code > 0}; 1 leaves the logits unchanged
     * @return the scaling
     * @throws IllegalArgumentException if the temperature is not finite and positive
     */
    public static TemperatureScaling of(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "temperature must be finite and > 0, found " + temperature);
        }
        return new TemperatureScaling(temperature);
    }

    /**
     * Fits the temperature that minimises the mean NLL of {@code logits / T} on held-out data.
     *
     * @param logits the held-out logits, row-major (n, classCount)
     * @param labels the held-out labels, n of them, each in [0, classCount)
     * @return the fitted scaling
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     */
    public static TemperatureScaling fit(double[] logits, int[] labels) {
        int classCount = ClassificationMetrics.classCount(logits, labels);
        Objective objective = new Objective(logits, labels, classCount);

        double logT = goldenSection(objective);
        double beta = polish(objective, Math.exp(-logT));
        double temperature = 1 / beta;

        double edge = BRACKET_WIDTH * 10;
        if (Math.log(temperature) < MIN_LOG_TEMPERATURE + edge
                || Math.log(temperature) > MAX_LOG_TEMPERATURE - edge) {
            logger.warn(
                    "The fitted temperature {} lies at the end of the search range [{}, {}];"
                            + " the held-out logits are perfectly separated or uninformative.",
                    String.format(Locale.ROOT, "%.4g", temperature),
                    String.format(Locale.ROOT, "%.4g", Math.exp(MIN_LOG_TEMPERATURE)),
                    String.format(Locale.ROOT, "%.4g", Math.exp(MAX_LOG_TEMPERATURE)));
        }
        return new TemperatureScaling(temperature);
    }

    /**
     * Fits the temperature that minimises the mean NLL of {@code logits / T} on held-out data.
     *
     * @param logits the held-out logits, row-major (n, classCount)
     * @param labels the held-out labels, n of them, each in [0, classCount)
     * @return the fitted scaling
     * @throws IllegalArgumentException if the arrays do not fit together or a label is out of range
     */
    public static TemperatureScaling fit(float[] logits, int[] labels) {
        return fit(ClassificationMetrics.toDoubles(logits), labels);
    }

    /**
     * Returns the temperature.
     *
     * @return {@code T}, finite and {@code > 0}; above 1 softens over-confident logits
     */
    public double temperature() {
        return temperature;
    }

    /**
     * Divides logits by the temperature.
     *
     * @param logits logits of any shape
     * @return a new array holding {@code logits / T}
     */
    public double[] apply(double[] logits) {
        double[] scaled = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            scaled[i] = logits[i] / temperature;
        }
        return scaled;
    }

    /**
     * Divides logits by the temperature.
     *
     * @param logits logits of any shape
     * @return a new array holding {@code logits / T}
     */
    public float[] apply(float[] logits) {
        float[] scaled = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            scaled[i] = (float) (logits[i] / temperature);
        }
        return scaled;
    }

    @Override
    public String toString() {
        return "TemperatureScaling[T=" + temperature + "]";
    }

    /** Narrows the bracket of log T around the minimum of the NLL. */
    private static double goldenSection(Objective objective) {
        double a = MIN_LOG_TEMPERATURE;
        double b = MAX_LOG_TEMPERATURE;
        double c = b - INVERSE_GOLDEN_RATIO * (b - a);
        double d = a + INVERSE_GOLDEN_RATIO * (b - a);
        double fc = objective.nllAtLogTemperature(c);
        double fd = objective.nllAtLogTemperature(d);
        while (b - a > BRACKET_WIDTH) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - INVERSE_GOLDEN_RATIO * (b - a);
                fc = objective.nllAtLogTemperature(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + INVERSE_GOLDEN_RATIO * (b - a);
                fd = objective.nllAtLogTemperature(d);
            }
        }
        return (a + b) / 2;
    }

    /** Refines beta = 1 / T with guarded Newton steps; returns the best beta seen. */
    private static double polish(Objective objective, double beta) {
        double minBeta = Math.exp(-MAX_LOG_TEMPERATURE);
        double maxBeta = Math.exp(-MIN_LOG_TEMPERATURE);
        double nll = objective.nll(beta);
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double[] derivatives = objective.derivatives(beta);
            if (!(derivatives[1] > 0)) {
                break;
            }
            double next = beta - derivatives[0] / derivatives[1];
            if (!(next >= minBeta && next <= maxBeta)) {
                break;
            }
            double nextNll = objective.nll(next);
            if (!(nextNll <= nll)) {
                break;
            }
            boolean converged = Math.abs(next - beta) <= 1e-15 * beta;
            beta = next;
            nll = nextNll;
            if (converged) {
                break;
            }
        }
        return beta;
    }

    /** The mean NLL of {@code beta * logits} and its derivatives in {@code beta = 1 / T}. */
    private static final class Objective {
        private final double[] logits;
        private final int[] labels;
        private final int classCount;

        Objective(double[] logits, int[] labels, int classCount) {
            this.logits = logits;
            this.labels = labels;
            this.classCount = classCount;
        }

        double nllAtLogTemperature(double logTemperature) {
            return nll(Math.exp(-logTemperature));
        }

        double nll(double beta) {
            double[] row = new double[classCount];
            double sum = 0;
            for (int i = 0; i < labels.length; i++) {
                int from = i * classCount;
                for (int k = 0; k < classCount; k++) {
                    row[k] = beta * logits[from + k];
                }
                sum += ClassificationMetrics.logSumExp(row, 0, classCount) - row[labels[i]];
            }
            return sum / labels.length;
        }

        /**
         * Returns the first derivative, {@code mean(E_p[z] - z_label)}, and the second, {@code
         * mean(Var_p[z])}, where {@code p = softmax(beta z)}.
         */
        double[] derivatives(double beta) {
            double[] row = new double[classCount];
            double first = 0;
            double second = 0;
            for (int i = 0; i < labels.length; i++) {
                int from = i * classCount;
                for (int k = 0; k < classCount; k++) {
                    row[k] = beta * logits[from + k];
                }
                double logNorm = ClassificationMetrics.logSumExp(row, 0, classCount);
                double mean = 0;
                double meanSquare = 0;
                for (int k = 0; k < classCount; k++) {
                    double p = Math.exp(row[k] - logNorm);
                    double z = logits[from + k];
                    mean += p * z;
                    meanSquare += p * z * z;
                }
                first += mean - logits[from + labels[i]];
                second += Math.max(0, meanSquare - mean * mean);
            }
            return new double[] {first / labels.length, second / labels.length};
        }
    }
}
