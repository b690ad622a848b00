package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.importer.ImageHeader;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.ImageEncoding;
import io.avreplay.replay.ros2.RosStruct;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Camera messages: {@code sensor_msgs/msg/CompressedImage} (JPEG or PNG kept as recorded),
 * {@code sensor_msgs/msg/Image} ({@code rgb8}, {@code bgr8}, {@code rgba8}, {@code bgra8}, {@code mono8}
 * encoded to PNG) and {@code sensor_msgs/msg/CameraInfo} (pinhole K, {@code plumb_bob} distortion as
 * {@code radtan}). Stateless.
 */
final class ImageDecoder {
    private ImageDecoder() {
    }

    static CameraFrame compressed(RosStruct m, String sensorId, long stampNs, String where) {
        byte[] data = m.bytes("data");
        ImageHeader h = ImageHeader.parse(data, where);
        return new CameraFrame(sensorId, stampNs, h.encoding(), data, h.width(), h.height());
    }

    static CameraFrame raw(RosStruct m, String sensorId, long stampNs) {
        int w = (int) m.integer("width");
        int h = (int) m.integer("height");
        int step = (int) m.integer("step");
        String enc = m.string("encoding");
        byte[] d = m.bytes("data");
        int channels = switch (enc) {
            case "rgb8", "bgr8" -> 3;
            case "rgba8", "bgra8" -> 4;
            case "mono8", "8UC1" -> 1;
            default -> throw new IllegalArgumentException("Image encoding '" + enc
                    + "' is not supported (expected rgb8, bgr8, rgba8, bgra8 or mono8)");
        };
        if (w <= 0 || h <= 0 || step < w * channels || (long) step * h > d.length) {
            throw new IllegalArgumentException("Image " + w + "x" + h + " " + enc + " with step " + step + " needs "
                    + (long) step * h + " data bytes, has " + d.length);
        }
        BufferedImage img = new BufferedImage(w, h, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        boolean bgr = enc.startsWith("bgr");
        for (int y = 0; y < h; y++) {
            int row = y * step;
            for (int x = 0; x < w; x++) {
                int p = row + x * channels;
                if (channels == 1) {
                    int g = d[p] & 0xFF;
                    img.getRaster().setSample(x, y, 0, g);
                } else {
                    int r = d[p + (bgr ? 2 : 0)] & 0xFF;
                    int g = d[p + 1] & 0xFF;
                    int bl = d[p + (bgr ? 0 : 2)] & 0xFF;
                    img.setRGB(x, y, (r << 16) | (g << 8) | bl);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(w * h);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed: " + e.getMessage(), e);
        }
        return new CameraFrame(sensorId, stampNs, ImageEncoding.PNG, out.toByteArray(), w, h);
    }

    /** Intrinsics from {@code k} (row-major 3x3) and {@code d}; {@code plumb_bob}/{@code rational_polynomial} become {@code radtan}. */
    static CameraIntrinsics intrinsics(RosStruct info) {
        double[] k = info.doubles("k");
        double[] d = info.doubles("d");
        String model = info.string("distortion_model");
        List<Double> coeffs = new ArrayList<>();
        boolean any = false;
        for (double c : d) {
            coeffs.add(c);
            any |= c != 0;
        }
        String ours = !any ? "none" : switch (model) {
            case "plumb_bob", "rational_polynomial" -> "radtan";
            default -> model;
        };
        return new CameraIntrinsics(k[0], k[4], k[2], k[5], (int) info.integer("width"), (int) info.integer("height"), ours,
                any ? coeffs : List.of());
    }
}
