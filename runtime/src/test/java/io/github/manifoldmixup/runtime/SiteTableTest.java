package io.github.manifoldmixup.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteTableTest {

    private static final SiteTable TABLE =
            SiteTable.of(
                    new Site(1, "stem", "ai.djl.nn.convolutional.Conv2d", false),
                    new Site(2, "stage1", "com.example.Unit", true),
                    new Site(3, "stage2.conv1", "ai.djl.nn.Block", false));

    @Test
    void of_keepsOrderAndFindsByPath() {
        assertEquals(3, TABLE.size());
        assertEquals(List.of("stem", "stage1", "stage2.conv1"), TABLE.paths());
        assertEquals(Optional.of(TABLE.get(3)), TABLE.find("stage2.conv1"));
        assertEquals(Optional.empty(), TABLE.find("stage3"));
        assertEquals("Conv2d", TABLE.get(1).kind());
    }

    @Test
    void of_rejectsGapsAndRepeatedPaths() {
        IllegalArgumentException gap =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SiteTable.of(new Site(2, "a", "X", false)));
        assertTrue(gap.getMessage().contains("expected 1"), gap.getMessage());

        assertThrows(
                IllegalArgumentException.class,
                () -> SiteTable.of(new Site(1, "a", "X", false), new Site(2, "a", "X", false)));
        assertThrows(IllegalArgumentException.class, () -> new Site(0, "a", "X", false));
        assertThrows(IllegalArgumentException.class, () -> new Site(1, "", "X", false));
        assertThrows(IllegalArgumentException.class, () -> TABLE.get(4));
    }

    @Test
    void toString_printsOneRowPerSiteAfterTheInput() {
        String[] lines = TABLE.toString().split("\n");

        assertEquals(5, lines.length);
        assertTrue(lines[1].contains("(input)"), lines[1]);
        assertTrue(lines[2].contains("stem") && lines[2].contains("Conv2d"), lines[2]);
        assertTrue(lines[3].contains("residual unit"), lines[3]);
        assertTrue(lines[4].trim().startsWith("3"), lines[4]);
    }
}
