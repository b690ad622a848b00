package io.avreplay.scenario.synth.camera;

/**
 * A rendered image with its object-id buffer. Arrays are row-major and owned by this record.
 *
 * @param width, height size, px
 * @param bgr    3 bytes per pixel, blue-green-red (OpenCV order)
 * @param ids    per pixel: the owner index + 1 of the actor seen there (potholes included), 0 for none
 */
public record RenderedFrame(int width, int height, byte[] bgr, int[] ids) {
    public RenderedFrame {
        if (bgr.length != 3 * width * height || ids.length != width * height) {
            throw new IllegalArgumentException("frame buffers must match " + width + "x" + height + ", got bgr="
                    + bgr.length + " ids=" + ids.length);
        }
    }
}
