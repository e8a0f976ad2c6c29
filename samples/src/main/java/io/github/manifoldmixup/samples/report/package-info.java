/** Reports of training runs: per-epoch metrics as CSV, and Markdown tables that compare methods. */
package io.github.manifoldmixup.samples.report;
