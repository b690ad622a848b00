package io.avreplay.replay.log;

import java.util.Locale;

/** How a camera frame's bytes are encoded. */
public enum ImageEncoding {
    JPEG, PNG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageEncoding fromId(String id) {
        return switch (id) {
            case "jpeg", "jpg" -> JPEG;
            case "png" -> PNG;
            default -> throw new IllegalArgumentException("unknown image encoding '" + id + "' (expected jpeg or png)");
        };
    }
}
