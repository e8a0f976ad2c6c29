package io.github.manifoldmixup.samples.data;

import java.io.IOException;

/**
 * Thrown when an IDX file (the format of MNIST and Fashion-MNIST) is truncated or does not hold
 * what its reader expects.
 *
 * <p>The message reads {@code "<source>: expected <expected>, found <found>"}, for example {@code
 * "train-labels-idx1-ubyte.gz: expected labels in 0-9, found 12 at position 7"}; the three parts
 * are also available on their own.
 */
public final class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file or resource that was read. */
    private final String source;

    /** What the reader expected. */
    private final String expected;

    /** What the reader found instead. */
    private final String found;

    /**
     * Creates an exception.
     *
     * @param source the file or resource that was read, as the user knows it
     * @param expected what the reader expected
     * @param found what the reader found instead
     */
    public IdxFormatException(String source, String expected, String found) {
        this(source, expected, found, null);
    }

    /**
     * Creates an exception with the lower-level failure that revealed the problem.
     *
     * @param source the file or resource that was read, as the user knows it
     * @param expected what the reader expected
     * @param found what the reader found instead
     * @param cause the lower-level failure, such as a gzip error; may be {@code null}
     */
    public IdxFormatException(String source, String expected, String found, Throwable cause) {
        super(source + ": expected " + expected + ", found " + found, cause);
        this.source = source;
        this.expected = expected;
        this.found = found;
    }

    /**
     * Returns the file or resource that was read.
     *
     * @return the source, as given to the reader
     */
    public String source() {
        return source;
    }

    /**
     * Returns what the reader expected.
     *
     * @return the expectation, in words
     */
    public String expected() {
        return expected;
    }

    /**
     * Returns what the reader found instead.
     *
     * @return the finding, in words
     */
    public String found() {
        return found;
    }
}
