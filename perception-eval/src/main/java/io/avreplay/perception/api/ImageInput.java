package io.avreplay.perception.api;

/**
 * A camera image decoded, converted to RGB and resized (no letterbox) to {@code width × height}, pixel
 * values scaled to [0, 1], then optionally rearranged space-to-depth: each {@code block × block} tile of
 * pixels becomes one cell with {@code 3 × block²} channels (channel {@code (dy × block + dx) × 3 + rgb}),
 * so the network starts at stride {@code block} with GEMM-friendly channel counts instead of spending
 * its first, most expensive layers on few channels at full resolution.
 *
 * @param width  network input width, pixels; a multiple of {@code block}
 * @param height network input height, pixels; a multiple of {@code block}
 * @param block  space-to-depth block side, pixels; 1 = plain RGB planes. A card without the field
 *               (written before it existed) reads as 0 and means 1.
 */
public record ImageInput(int width, int height, int block) implements InputSpec {
    /** @throws IllegalArgumentException when a side is not positive or not a multiple of the block */
    public ImageInput {
        if (block == 0) {
            block = 1;
        }
        if (width <= 0 || height <= 0 || block < 0) {
            throw new IllegalArgumentException("image input size and block must be > 0, got " + width + "x" + height
                    + " block " + block);
        }
        if (width % block != 0 || height % block != 0) {
            throw new IllegalArgumentException("image input " + width + "x" + height
                    + " must be a multiple of the space-to-depth block " + block);
        }
    }

    /** A plain RGB input (block 1). */
    public ImageInput(int width, int height) {
        this(width, height, 1);
    }

    @Override
    public int channels() {
        return 3 * block * block;
    }

    @Override
    public int rows() {
        return height / block;
    }

    @Override
    public int cols() {
        return width / block;
    }
}
