package io.github.manifoldmixup.samples.data;

import java.util.Objects;

/**
 * Grey-scale images as stored in an IDX file: {@code count} images of {@code rows x cols} unsigned
 * bytes, row-major, one image after the other.
 *
 * <p>Instances are immutable: the factory and the accessors copy the pixel array.
 */
public final class IdxImages {

    private final int rows;
    private final int cols;
    private final int count;
    private final byte[] pixels;

    private IdxImages(int rows, int cols, byte[] pixels) {
        this.rows = rows;
        this.cols = cols;
        this.count = pixels.length / (rows * cols);
        this.pixels = pixels;
    }

    /**
     * Returns images holding a copy of the given pixels.
     *
     * @param rows the height of each image, {@code >= 1}
     * @param cols the width of each image, {@code >= 1}
     * @param pixels the unsigned pixel bytes of all images, row-major, one image after the other;
     *     its length must be a multiple of {@code rows * cols}
     * @return the images
     * @throws IllegalArgumentException if a dimension is not positive or the length of {@code
     *     pixels} is not a multiple of {@code rows * cols}
     */
    public static IdxImages of(int rows, int cols, byte[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        return new IdxImages(rows, cols, checkedPixels(rows, cols, pixels).clone());
    }

    /** Wraps the array without copying it; for readers that own a freshly read array. */
    static IdxImages wrap(int rows, int cols, byte[] pixels) {
        return new IdxImages(rows, cols, checkedPixels(rows, cols, pixels));
    }

    private static byte[] checkedPixels(int rows, int cols, byte[] pixels) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(
                    "rows and cols must be >= 1, found " + rows + " x " + cols);
        }
        if (pixels.length % (rows * cols) != 0) {
            throw new IllegalArgumentException(
                    "pixels must hold whole images of "
                            + rows
                            + " x "
                            + cols
                            + ", found "
                            + pixels.length
                            + " bytes");
        }
        return pixels;
    }

    /**
     * Returns the number of images.
     *
     * @return the number of images, {@code >= 0}
     */
    public int count() {
        return count;
    }

    /**
     * Returns the height of each image.
     *
     * @return the number of pixel rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the width of each image.
     *
     * @return the number of pixel columns
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns the number of pixels in one image.
     *
     * @return {@code rows * cols}
     */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /**
     * Returns one pixel.
     *
     * @param image the index of the image, in [0, count)
     * @param offset the row-major index of the pixel within the image, in [0, rows * cols)
     * @return the pixel's value, in [0, 255]
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public int pixel(int image, int offset) {
        Objects.checkIndex(image, count);
        Objects.checkIndex(offset, pixelsPerImage());
        return Byte.toUnsignedInt(pixels[image * pixelsPerImage() + offset]);
    }

    /**
     * Returns a copy of all pixel bytes, one image after the other.
     *
     * @return the unsigned pixel bytes, {@code count * rows * cols} of them
     */
    public byte[] pixels() {
        return pixels.clone();
    }

    /**
     * Returns the images at the given indices, in the order given.
     *
     * @param indices indices in [0, count); may repeat
     * @return the selected images
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public IdxImages select(int[] indices) {
        int size = pixelsPerImage();
        byte[] selected = new byte[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            Objects.checkIndex(indices[i], count);
            System.arraycopy(pixels, indices[i] * size, selected, i * size, size);
        }
        return new IdxImages(rows, cols, selected);
    }

    /**
     * Returns all pixels scaled to [0, 1] by dividing by 255.
     *
     * @return {@code count * rows * cols} values in [0, 1], one image after the other
     */
    public float[] toScaledFloats() {
        float[] scaled = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            scaled[i] = Byte.toUnsignedInt(pixels[i]) / 255f;
        }
        return scaled;
    }
}
