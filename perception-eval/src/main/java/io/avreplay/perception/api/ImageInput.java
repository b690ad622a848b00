package io.avreplay.perception.api;

/**
 * A camera image decoded, converted to RGB and resized (no letterbox) to {@code width × height}, pixel
 * values scaled to [0, 1].
 *
 * @param width  network input width, pixels
 * @param height network input height, pixels
 */
public record ImageInput(int width, int height) implements InputSpec {
    /** @throws IllegalArgumentException when a side is not positive */
    public ImageInput {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image input size must be > 0, got " + width + "x" + height);
        }
    }

    @Override
    public int channels() {
        return 3;
    }

    @Override
    public int rows() {
        return height;
    }

    @Override
    public int cols() {
        return width;
    }
}
