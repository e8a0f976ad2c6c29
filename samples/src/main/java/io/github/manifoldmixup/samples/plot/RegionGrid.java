package io.github.manifoldmixup.samples.plot;

import io.github.manifoldmixup.samples.data.HostSplit;

/**
 * A square grid of cells over a rectangle of the plane, whose centres a 2-D classifier labels to
 * draw its decision regions with {@link DecisionRegionPlot}.
 *
 * <p>Cell {@code (row, column)} has its centre at ({@link #x(int) x(column)}, {@link #y(int)
 * y(row)}); {@link #points()} lists the centres row by row, from the bottom row up and from left to
 * right within a row, which is the order {@link DecisionRegionPlot} expects the predicted classes
 * in.
 *
 * @param xMin the left edge of the grid
 * @param xMax the right edge of the grid, {@code > xMin}
 * @param yMin the bottom edge of the grid
 * @param yMax the top edge of the grid, {@code > yMin}
 * @param resolution the number of cells along each axis, in [2, 2000]
 */
public record RegionGrid(double xMin, double xMax, double yMin, double yMax, int resolution) {

    /**
     * Checks the values.
     *
     * @param xMin the left edge of the grid
     * @param xMax the right edge of the grid
     * @param yMin the bottom edge of the grid
     * @param yMax the top edge of the grid
     * @param resolution the number of cells along each axis
     * @throws IllegalArgumentException if an edge is not finite, the edges are not ordered or the
     *     resolution is out of range
     */
    public RegionGrid {
        if (!Double.isFinite(xMin) || !Double.isFinite(xMax) || !(xMin < xMax)) {
            throw new IllegalArgumentException(
                    "x edges must be finite with xMin < xMax, found " + xMin + " and " + xMax);
        }
        if (!Double.isFinite(yMin) || !Double.isFinite(yMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException(
                    "y edges must be finite with yMin < yMax, found " + yMin + " and " + yMax);
        }
        if (resolution < 2 || resolution > 2000) {
            throw new IllegalArgumentException(
                    "resolution must lie in [2, 2000], found " + resolution);
        }
    }

    /**
     * Returns a grid over the bounding box of 2-D points, widened on every side.
     *
     * @param data points with sample shape (2)
     * @param resolution the number of cells along each axis, in [2, 2000]; 100 to 200 draws smooth
     *     boundaries
     * @param margin how much to widen the box on each side, as a share of its width and height,
     *     {@code >= 0}, such as 0.1
     * @return the grid
     * @throws IllegalArgumentException if the points are not 2-D, there is none, or the margin is
     *     negative
     */
    public static RegionGrid around(HostSplit data, int resolution, double margin) {
        if (data.featuresPerSample() != 2 || data.size() == 0) {
            throw new IllegalArgumentException(
                    "expected at least one point with 2 features, found "
                            + data.size()
                            + " samples of shape "
                            + data.sampleShape());
        }
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be finite and >= 0, found " + margin);
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            xMin = Math.min(xMin, data.feature(i, 0));
            xMax = Math.max(xMax, data.feature(i, 0));
            yMin = Math.min(yMin, data.feature(i, 1));
            yMax = Math.max(yMax, data.feature(i, 1));
        }
        double xPad = Math.max(xMax - xMin, 1e-3) * margin + 1e-6;
        double yPad = Math.max(yMax - yMin, 1e-3) * margin + 1e-6;
        return new RegionGrid(xMin - xPad, xMax + xPad, yMin - yPad, yMax + yPad, resolution);
    }

    /**
     * Returns the number of cells.
     *
     * @return {@code resolution * resolution}
     */
    public int pointCount() {
        return resolution * resolution;
    }

    /**
     * Returns the x coordinate of the centres of a column of cells.
     *
     * @param column the column, in [0, resolution)
     * @return the centre's x coordinate
     */
    public double x(int column) {
        return xMin + (column + 0.5) * (xMax - xMin) / resolution;
    }

    /**
     * Returns the y coordinate of the centres of a row of cells.
     *
     * @param row the row, in [0, resolution), 0 at the bottom
     * @return the centre's y coordinate
     */
    public double y(int row) {
        return yMin + (row + 0.5) * (yMax - yMin) / resolution;
    }

    /**
     * Returns the centres of all cells, ready to be classified as a batch of shape (pointCount, 2),
     * for example with {@code manager.create(grid.points(), new Shape(grid.pointCount(), 2))}.
     *
     * @return {@code 2 * pointCount} floats: x then y of each centre, bottom row first
     */
    public float[] points() {
        float[] points = new float[2 * pointCount()];
        for (int row = 0; row < resolution; row++) {
            for (int column = 0; column < resolution; column++) {
                int cell = row * resolution + column;
                points[2 * cell] = (float) x(column);
                points[2 * cell + 1] = (float) y(row);
            }
        }
        return points;
    }
}
