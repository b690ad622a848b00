package io.avreplay.perception.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Which runtime runs a model and what that runtime needs, stated in the card's {@code backend} object:
 * {@code {"type": "dl4j"}} (a DL4J {@code model.zip}), {@code {"type": "onnx", ...}} (an ONNX file run by
 * ONNX Runtime), {@code {"type": "exec", "command": [...], ...}} (a process speaking
 * docs/detector-protocol.md). A card without the field (written before it existed) is a DL4J model.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Dl4jBackend.class, name = "dl4j"),
        @JsonSubTypes.Type(value = OnnxBackend.class, name = "onnx"),
        @JsonSubTypes.Type(value = ExecBackend.class, name = "exec")})
public sealed interface BackendSpec permits Dl4jBackend, OnnxBackend, ExecBackend {
    /** @return the backend's name as written in the card: {@code dl4j}, {@code onnx} or {@code exec} */
    String kind();
}
