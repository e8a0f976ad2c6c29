/**
 * Plots of training runs as PNG files, drawn with XChart from plain data: training curves, bars
 * comparing methods, reliability diagrams, and the decision regions of 2-D classifiers.
 *
 * <p>Every plot switches AWT to headless mode before drawing unless the application set {@code
 * java.awt.headless} itself, so plots render on machines without a display.
 */
package io.github.manifoldmixup.samples.plot;
