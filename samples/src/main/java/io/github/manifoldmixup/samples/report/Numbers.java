package io.github.manifoldmixup.samples.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Formats numbers for reports, the same way on every locale. */
final class Numbers {

    private Numbers() {}

    /**
     * Formats a value with at most six significant digits and no trailing zeros, such as {@code
     * 0.75}, {@code 1}, {@code 123.457} or {@code 1.5E-7}; NaN gives an empty string.
     */
    static String significant(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        return exponent < -6 || exponent >= 9 ? rounded.toString() : rounded.toPlainString();
    }

    /**
     * Formats a value with a fixed number of decimals, such as {@code 0.9123}; NaN gives {@code
     * "n/a"}.
     */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
