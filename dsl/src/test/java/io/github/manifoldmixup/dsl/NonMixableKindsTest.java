package io.github.manifoldmixup.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonMixableKindsTest {

    @Test
    void defaultReason_namesEachDefaultKind() {
        assertEquals(
                NonMixableKinds.Reason.DROPOUT,
                NonMixableKinds.defaultReason("ai.djl.nn.norm.Dropout"));
        assertEquals(
                NonMixableKinds.Reason.NORMALISATION,
                NonMixableKinds.defaultReason("ai.djl.nn.norm.BatchNorm"));
        assertEquals(
                NonMixableKinds.Reason.NORMALISATION,
                NonMixableKinds.defaultReason("ai.djl.nn.norm.LayerNorm"));
        assertEquals(
                NonMixableKinds.Reason.PASS_THROUGH_CONTAINER,
                NonMixableKinds.defaultReason("ai.djl.nn.SequentialBlock"));
        assertNull(NonMixableKinds.defaultReason("ai.djl.nn.core.Linear"));
        assertNull(NonMixableKinds.defaultReason("ai.djl.nn.ParallelBlock"));
    }

    @Test
    void isRecurrent_trueForRecurrentLayersOnly() {
        assertTrue(NonMixableKinds.isRecurrent("ai.djl.nn.recurrent.LSTM"));
        assertTrue(NonMixableKinds.isRecurrent("ai.djl.nn.recurrent.GRU"));
        assertTrue(NonMixableKinds.isRecurrent("ai.djl.nn.recurrent.RNN"));
        assertTrue(NonMixableKinds.isRecurrent("ai.djl.nn.recurrent.RecurrentBlock"));
        assertFalse(NonMixableKinds.isRecurrent("ai.djl.nn.norm.Dropout"));
    }

    @Test
    void parseOption_splitsTrimsAndDropsEmptyNames() {
        assertEquals(
                List.of("a.B", "c.D"), List.copyOf(NonMixableKinds.parseOption(" a.B, ,c.D ,")));
        assertEquals(Set.of(), NonMixableKinds.parseOption(null));
        assertEquals(Set.of(), NonMixableKinds.parseOption("   "));
    }

    @Test
    void annotations_areRetainedAtRunTimeOnTypesAndFields() {
        for (Class<?> annotation : List.of(Mixable.class, NoMixup.class, Residual.class)) {
            Retention retention = annotation.getAnnotation(Retention.class);
            assertEquals(RetentionPolicy.RUNTIME, retention.value(), annotation.getName());
            Target target = annotation.getAnnotation(Target.class);
            assertEquals(
                    Set.of(ElementType.TYPE, ElementType.FIELD),
                    Set.of(target.value()),
                    annotation.getName());
        }
    }
}
