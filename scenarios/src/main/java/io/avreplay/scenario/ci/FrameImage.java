package io.avreplay.scenario.ci;

import java.util.Objects;

/**
 * A rendered worst frame of a failing scenario (boxes drawn: missed and false detections), for reports.
 *
 * @param timestampNs the frame, ns
 * @param caption     one line, e.g. {@code 3 missed pedestrians, 1 false car}
 * @param png         the PNG bytes (embedded as base64 in the HTML report)
 */
public record FrameImage(long timestampNs, String caption, byte[] png) {
    public FrameImage {
        Objects.requireNonNull(caption, "caption");
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}
