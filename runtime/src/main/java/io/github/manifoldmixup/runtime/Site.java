package io.github.manifoldmixup.runtime;

import java.util.Objects;

/**
 * One mixup site of a model: a block whose output may be mixed.
 *
 * @param index the site number, from 1 in declaration order (0 is the model input)
 * @param path the dotted path of the block from the model, such as {@code stage2.conv1}
 * @param blockType the fully qualified name of the block's declared type
 * @param residual whether the block is a residual unit (nothing inside it is a site)
 */
public record Site(int index, String path, String blockType, boolean residual) {

    /**
     * Checks the components.
     *
     * @param index the site number, {@code >= 1}
     * @param path the dotted path, not empty
     * @param blockType the fully qualified name of the block's type
     * @param residual whether the block is a residual unit
     * @throws IllegalArgumentException if index is less than 1 or path is empty
     */
    public Site {
        if (index < 1) {
            throw new IllegalArgumentException("a site index starts at 1, got " + index);
        }
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blockType, "blockType");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a site path must not be empty");
        }
    }

    /**
     * Returns the simple name of the block type, such as {@code Conv2d}.
     *
     * @return the last segment of {@link #blockType()}
     */
    public String kind() {
        return blockType.substring(blockType.lastIndexOf('.') + 1);
    }
}
