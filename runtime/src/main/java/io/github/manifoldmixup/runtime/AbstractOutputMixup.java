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
    Instrumentation attach(Trainer trainer) {
        return Instrumentation.attachOutput(trainer.getModel());
    }

    @Override
    void configure(DrawSource.Builder builder, Instrumentation attached) {
        builder.setSiteCount(1).optInputMixup(false);
    }

    @Override
    String describe() {
        return "mixing the model output";
    }
}
