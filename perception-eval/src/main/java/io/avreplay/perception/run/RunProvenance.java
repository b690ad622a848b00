package io.avreplay.perception.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.ModelCard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run's results came from: every log with the frames detected, every model with the hash of its
 * weights, the run's configuration and the tool version. Written into {@code metrics.json} under
 * {@code provenance} and read back by {@link #fromJson} (the round trip is exact).
 *
 * @param logs        the logs replayed, in order
 * @param models      the detectors, in role order ({@code lidar}, then {@code camera})
 * @param config      the run's settings, key to value (evaluation configs, camera rate, batch size, camera)
 * @param toolVersion the avreplay version that ran
 */
public record RunProvenance(List<LogRange> logs, List<ModelRef> models, Map<String, String> config,
        String toolVersion) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the collections (keeping the config's order). */
    public RunProvenance {
        logs = List.copyOf(logs);
        models = List.copyOf(models);
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /**
     * The frames of one log that were detected.
     *
     * @param logId   the log's id
     * @param firstNs time of the first sweep detected, ns (0 when none was)
     * @param lastNs  time of the last sweep detected, ns (0 when none was), &gt;= {@code firstNs}
     * @param sweeps  sweeps detected, &gt;= 0
     */
    public record LogRange(String logId, long firstNs, long lastNs, int sweeps) implements java.io.Serializable {
        public LogRange {
            Objects.requireNonNull(logId, "logId");
            if (sweeps < 0) {
                throw new IllegalArgumentException("sweeps must be >= 0, got " + sweeps);
            }
            if (lastNs < firstNs) {
                throw new IllegalArgumentException("lastNs must be >= firstNs, got " + lastNs + " < " + firstNs);
            }
        }
    }

    /**
     * One detector of the run.
     *
     * @param role   {@code lidar} or {@code camera}
     * @param id     the model's id (its card's name)
     * @param sha256 SHA-256 of the model's weights as its card records it (lower-case hex), "" when the card
     *               records none (an untrained, ONNX-only or external-process model)
     */
    public record ModelRef(String role, String id, String sha256) implements java.io.Serializable {
        public ModelRef {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sha256, "sha256");
        }

        /** @return the reference of a card's model, its hash from the card's provenance */
        public static ModelRef of(String role, ModelCard card) {
            return new ModelRef(role, card.name(),
                    card.provenance().config().getOrDefault(io.avreplay.perception.model.ModelFiles.ZIP_DIGEST_KEY, ""));
        }
    }

    /** @return the JSON object written under {@code provenance} */
    public ObjectNode toJson() {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        var ls = p.putArray("logs");
        for (LogRange l : logs) {
            ls.addObject().put("log_id", l.logId()).put("first_timestamp_ns", l.firstNs())
                    .put("last_timestamp_ns", l.lastNs()).put("sweeps", l.sweeps());
        }
        ObjectNode ms = p.putObject("models");
        for (ModelRef m : models) {
            ms.putObject(m.role()).put("id", m.id()).put("sha256", m.sha256());
        }
        ObjectNode c = p.putObject("config");
        config.forEach(c::put);
        p.put("tool_version", toolVersion);
        return p;
    }

    /**
     * Reads what {@link #toJson} wrote.
     *
     * @throws BadInputException naming the field when one is missing or of the wrong type
     */
    public static RunProvenance fromJson(JsonNode p) {
        List<LogRange> logs = new ArrayList<>();
        for (JsonNode l : array(p, "logs")) {
            logs.add(new LogRange(text(l, "log_id"), number(l, "first_timestamp_ns"), number(l, "last_timestamp_ns"),
                    (int) number(l, "sweeps")));
        }
        List<ModelRef> models = new ArrayList<>();
        object(p, "models").fields().forEachRemaining(e -> models.add(new ModelRef(e.getKey(), text(e.getValue(), "id"),
                text(e.getValue(), "sha256"))));
        Map<String, String> config = new LinkedHashMap<>();
        object(p, "config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return new RunProvenance(logs, models, config, text(p, "tool_version"));
    }

    private static JsonNode array(JsonNode o, String f) {
        JsonNode v = o.get(f);
        if (v == null || !v.isArray()) {
            throw new BadInputException("run provenance: field '" + f + "': expected an array");
        }
        return v;
    }

    private static JsonNode object(JsonNode o, String f) {
        JsonNode v = o.get(f);
        if (v == null || !v.isObject()) {
            throw new BadInputException("run provenance: field '" + f + "': expected an object");
        }
        return v;
    }

    private static String text(JsonNode o, String f) {
        JsonNode v = o.get(f);
        if (v == null || !v.isTextual()) {
            throw new BadInputException("run provenance: field '" + f + "': expected a string");
        }
        return v.asText();
    }

    private static long number(JsonNode o, String f) {
        JsonNode v = o.get(f);
        if (v == null || !v.isIntegralNumber()) {
            throw new BadInputException("run provenance: field '" + f + "': expected an integer");
        }
        return v.asLong();
    }
}
