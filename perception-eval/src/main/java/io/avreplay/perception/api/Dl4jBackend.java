package io.avreplay.perception.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A DL4J network saved as {@code model.zip} beside the card; its output is the CenterNet heads decoded
 * by the task's decoder (heatmap channels in {@link ModelCard#classes()} order, then regression).
 */
public record Dl4jBackend() implements BackendSpec {
    @Override
    @JsonIgnore
    public String kind() {
        return "dl4j";
    }
}
