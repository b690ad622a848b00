package io.avreplay.replay.export;

import io.avreplay.replay.object.Box3d;
import java.util.Objects;

/**
 * A box drawn in an exported scene (a {@code foxglove.SceneUpdate} cube), e.g. a detection coloured by its
 * match status.
 *
 * @param id    entity id, unique within its frame
 * @param label text shown with it (Foxglove metadata {@code label})
 * @param box   the box, ego frame at the frame's time (metres, radians)
 * @param rgb   colour, 0xRRGGBB
 */
public record SceneBox(String id, String label, Box3d box, int rgb) {
    public SceneBox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(box, "box");
        if ((rgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("rgb must be 0xRRGGBB, got 0x" + Integer.toHexString(rgb));
        }
    }
}
