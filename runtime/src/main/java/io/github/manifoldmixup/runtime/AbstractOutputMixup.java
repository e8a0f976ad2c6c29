package io.github.manifoldmixup.runtime;

import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;

/**
 * What {@link OutputMixup} and {@link DynamicOutputMixup} share: they mix the final output of the
 * model (the logits) instead of a hidden state, with targets mixed the same way. They work with any
 * model, instrumented or not: the wrapped loss mixes the predictions of each training batch itself,
 * so nothing in the model changes.
 *
 * <p>Mixing logits only makes sense before a softmax or sigmoid, so {@link #wrap(Loss)} accepts
 * only classification losses (softmax cross-entropy, sigmoid binary cross-entropy) and refuses
 * regression losses such as L1 or L2. A training batch is recognised by predictions that carry a
 * gradient; evaluation and validation predictions carry none and are never mixed.
 */
public abstract sealed class AbstractOutputMixup extends AbstractMixup
        permits OutputMixup, DynamicOutputMixup {

    private volatile Instrumentation instrumentation;

    AbstractOutputMixup(BaseBuilder<?> options, AlphaPlan alphaPlan) {
        super(options.seed, options.folded, alphaPlan);
    }

    @Override
    void checkLoss(Loss loss, LossForm form) {
        if (!form.isClassification()) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName()
                            + " mixes logits and needs a classification loss (softmax or sigmoid"
                            + " cross-entropy), got "
                            + loss.getClass().getSimpleName()
                            + "; for regression use ManifoldMixup, which mixes hidden states and"
                            + " targets");
        }
    }

    @Override
    DrawSource start(Trainer trainer, DrawSource.Builder builder) {
        Instrumentation attached = Instrumentation.attachOutput(trainer.getModel());
        try {
            DrawSource source = builder.setSiteCount(1).optInputMixup(false).build();
            attached.root().setDrawSource(source);
            instrumentation = attached;
            return source;
        } catch (RuntimeException e) {
            attached.release();
            throw e;
        }
    }

    @Override
    void stop(Trainer trainer) {
        Instrumentation attached = instrumentation;
        instrumentation = null;
        if (attached != null) {
            attached.release();
        }
    }

    @Override
    String describe() {
        return "mixing the model output";
    }
}
