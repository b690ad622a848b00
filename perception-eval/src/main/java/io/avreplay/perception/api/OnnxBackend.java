package io.avreplay.perception.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * An ONNX model run by ONNX Runtime. The input tensor is float32 NCHW {@code [batch, channels, rows, cols]}
 * with {@code {channels, rows, cols} = }{@link ModelCard#inputShape()} built as the card's
 * {@link InputSpec} says (BEV grid features, or the resized image scaled to [0, 1]); the batch dimension
 * may be symbolic or 1. The output is float32 {@code [batch, classes + regression, rows / stride,
 * cols / stride]}: the CenterNet heads, heatmap logits first in {@link ModelCard#classes()} order, then the
 * task's regression channels (lidar: dx, dy, z, log l, log w, log h, sin yaw, cos yaw in the ego frame;
 * camera: the offsets and sizes of {@code CameraDecoder}).
 *
 * @param file        ONNX file name inside the model directory, e.g. {@code model.onnx}
 * @param inputName   name of the graph input to feed
 * @param outputName  name of the graph output to read
 * @param opset       default-domain opset the file was written for (informative; the file's own wins)
 */
public record OnnxBackend(String file, String inputName, String outputName, int opset) implements BackendSpec {
    /** @throws IllegalArgumentException naming the field when a name is missing or blank */
    public OnnxBackend {
        requireName("file", file);
        requireName("inputName", inputName);
        requireName("outputName", outputName);
        if (file.contains("/") || file.contains("\\")) {
            throw new IllegalArgumentException("backend.file must be a file name inside the model directory, got '"
                    + file + "'");
        }
    }

    private static void requireName(String field, String value) {
        Objects.requireNonNull(value, "backend." + field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("backend." + field + " must not be blank");
        }
    }

    @Override
    @JsonIgnore
    public String kind() {
        return "onnx";
    }
}
