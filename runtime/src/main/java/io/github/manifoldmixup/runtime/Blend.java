package io.github.manifoldmixup.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.util.Objects;

/**
 * Mixes every sample of a batch with a partner: {@code out[i] = x[perm[i]] + lambda[i] * (x[i] -
 * x[perm[i]])}, one lambda per sample broadcast over the trailing axes.
 *
 * <p>The blend runs on the device of {@code x} and in its autograd graph: nothing is copied to the
 * host, and gradients reach {@code x} through both terms. It works for any rank {@code >= 1}
 * (tabular, image, sequence; the batch axis first). Half precision (float16, bfloat16) is computed
 * in float32 and cast back; the output has the dtype, shape and device of {@code x}. A batch of one
 * is returned as it is. The output belongs to the manager of {@code x}, whatever manager holds
 * {@code perm} and {@code lambda}. (DJL 0.36's PyTorch engine cannot create bfloat16 arrays at all:
 * it aborts the process, so the bfloat16 path cannot be exercised with that engine.)
 *
 * <p>The blend is the hot path of manifold mixup, so there are several formulations of it, all
 * giving the same values; {@link Method#GATHER_IN_PLACE}, the default, was the fastest in our
 * measurements (see the project README for the figures and the benchmark that gives them).
 */
public final class Blend {

    /** The ways of computing the blend. All give the same values, up to rounding. */
    public enum Method {
        /**
         * Gathers the partner rows with one {@code index_select} into a fresh array, then turns it
         * into the blend with three in-place steps: {@code p -= x; p *= 1 - lambda; p += x}. One
         * allocation and no temporaries.
         */
        GATHER_IN_PLACE,
        /**
         * Multiplies the batch, flattened to {@code (n, features)}, by a sparse {@code n x n}
         * mixing matrix with {@code lambda[i]} at {@code (i, i)} and {@code 1 - lambda[i]} at
         * {@code (i, perm[i])}.
         */
        SPARSE_MATMUL,
        /**
         * The textbook expression {@code lambda * x + (1 - lambda) * x[perm]} with advanced
         * indexing, each step a new array. Kept as the reference the others are measured against.
         */
        EXPRESSION
    }

    private Blend() {}

    /**
     * Blends a batch with the default method, {@link Method#GATHER_IN_PLACE}.
     *
     * @param x the batch, batch axis first, of a floating-point dtype
     * @param perm the partner of each sample, an integer array of shape {@code (n)} on the device
     *     of {@code x}, a permutation of {@code 0 .. n-1}
     * @param lambda the weight of each sample's own state, an array of shape {@code (n)} on the
     *     device of {@code x}, each in [0, 1]
     * @return the blended batch, of the dtype, shape and device of {@code x}; {@code x} itself when
     *     {@code n == 1}
     * @throws IllegalArgumentException if the shapes do not match or {@code x} is not floating
     *     point
     */
    public static NDArray blend(NDArray x, NDArray perm, NDArray lambda) {
        return blend(x, perm, lambda, Method.GATHER_IN_PLACE);
    }

    /**
     * Blends a batch with the given method.
     *
     * @param x the batch, batch axis first, of a floating-point dtype
     * @param perm the partner of each sample, an integer array of shape {@code (n)} on the device
     *     of {@code x}
     * @param lambda the weight of each sample's own state, shape {@code (n)}, on the device of
     *     {@code x}
     * @param method how to compute it
     * @return the blended batch, of the dtype, shape and device of {@code x}; {@code x} itself when
     *     {@code n == 1}
     * @throws IllegalArgumentException if the shapes do not match or {@code x} is not floating
     *     point
     */
    public static NDArray blend(NDArray x, NDArray perm, NDArray lambda, Method method) {
        Objects.requireNonNull(method, "method");
        long n = checkShapes(x, perm, lambda);
        if (n == 1) {
            return x;
        }
        DataType dtype = x.getDataType();
        boolean half = dtype == DataType.FLOAT16 || dtype == DataType.BFLOAT16;
        NDArray wide = half ? x.toType(DataType.FLOAT32, false) : x;
        NDArray weights =
                lambda.getDataType() == wide.getDataType()
                        ? lambda
                        : lambda.toType(wide.getDataType(), false);
        NDArray rows = wide.reshape(n, -1);
        NDArray mixed;
        switch (method) {
            case GATHER_IN_PLACE:
                mixed = gatherInPlace(rows, perm, weights.reshape(n, 1));
                break;
            case SPARSE_MATMUL:
                mixed = sparseMatmul(rows, perm, weights);
                break;
            case EXPRESSION:
                mixed = expression(rows, perm, weights.reshape(n, 1));
                break;
            default:
                throw new AssertionError(method);
        }
        NDArray shaped = mixed.reshape(x.getShape());
        NDArray out = half ? shaped.toType(dtype, false) : shaped;
        if (out.getManager() != x.getManager()) {
            out.attach(x.getManager());
        }
        return out;
    }

    private static NDArray gatherInPlace(NDArray rows, NDArray perm, NDArray lambda) {
        NDArray partner =
                rows.getNDArrayInternal()
                        .embedding(perm, rows, SparseFormat.DENSE)
                        .singletonOrThrow();
        partner.subi(rows);
        partner.muli(lambda.neg().addi(1));
        partner.addi(rows);
        return partner;
    }

    private static NDArray sparseMatmul(NDArray rows, NDArray perm, NDArray lambda) {
        long n = rows.getShape().get(0);
        NDArray own = rows.getManager().eye((int) n).toType(rows.getDataType(), false);
        NDArray mixing =
                own.mul(lambda.reshape(n, 1))
                        .addi(
                                perm.oneHot((int) n)
                                        .toType(rows.getDataType(), false)
                                        .muli(lambda.neg().addi(1).reshape(n, 1)));
        return mixing.toSparse(SparseFormat.COO).matMul(rows);
    }

    private static NDArray expression(NDArray rows, NDArray perm, NDArray lambda) {
        NDArray partner = rows.get(new NDIndex("{}", perm));
        return rows.mul(lambda).add(partner.mul(lambda.neg().add(1)));
    }

    private static long checkShapes(NDArray x, NDArray perm, NDArray lambda) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(perm, "perm");
        Objects.requireNonNull(lambda, "lambda");
        Shape shape = x.getShape();
        if (shape.dimension() < 1) {
            throw new IllegalArgumentException(
                    "blend needs an array with a batch axis, got a scalar of shape " + shape);
        }
        if (!x.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "blend needs a floating-point array, got " + x.getDataType());
        }
        long n = shape.get(0);
        if (!perm.getShape().equals(new Shape(n)) || !lambda.getShape().equals(new Shape(n))) {
            throw new IllegalArgumentException(
                    "perm and lambda must have shape ("
                            + n
                            + ") to match the batch axis of "
                            + shape
                            + ", got "
                            + perm.getShape()
                            + " and "
                            + lambda.getShape());
        }
        if (!perm.getDataType().isInteger()) {
            throw new IllegalArgumentException(
                    "perm must be an integer array, got " + perm.getDataType());
        }
        return n;
    }
}
