package io.avreplay.perception.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How a model's input tensor is built from sensor data; its shape is channels × height × width. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = BevGrid.class, name = "bev"),
        @JsonSubTypes.Type(value = ImageInput.class, name = "image"),
        @JsonSubTypes.Type(value = RawFrames.class, name = "raw")})
public sealed interface InputSpec permits BevGrid, ImageInput, RawFrames {
    /** @return input channels */
    int channels();

    /** @return input height (rows) */
    int rows();

    /** @return input width (columns) */
    int cols();
}
