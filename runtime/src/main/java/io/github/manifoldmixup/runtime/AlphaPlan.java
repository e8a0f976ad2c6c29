package io.github.manifoldmixup.runtime;

/** Alpha at each training step: fixed, or following a schedule. */
interface AlphaPlan {

    /**
     * Returns alpha for a training step.
     *
     * @param step the number of training batches done in this run, from 0
     * @param stepsPerEpoch the number of batches of an epoch as the trainer reports it, or 0 while
     *     unknown
     * @return alpha, finite and {@code >= 0}
     */
    double alphaAt(long step, long stepsPerEpoch);

    /**
     * Returns a plan with one alpha throughout.
     *
     * @param alpha finite and {@code >= 0}
     * @return the plan
     */
    static AlphaPlan fixed(double alpha) {
        BetaSampler.checkAlpha(alpha);
        return new AlphaPlan() {
            @Override
            public double alphaAt(long step, long stepsPerEpoch) {
                return alpha;
            }

            @Override
            public String toString() {
                return "alpha " + alpha;
            }
        };
    }
}
