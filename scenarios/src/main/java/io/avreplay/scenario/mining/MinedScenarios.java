package io.avreplay.scenario.mining;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.scenario.catalog.TagKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders mined windows as scenario files that {@link io.avreplay.scenario.catalog.CatalogReader} accepts:
 * log path relative to the log root, window as offsets from the log start, the rule's classes, tags and
 * gates, and provenance (log id, rule, its parameters, rules source, tool version). Pure.
 */
public final class MinedScenarios {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());

    private MinedScenarios() {
    }

    /** @return the scenario id of the {@code index}-th (0-based) window of a rule in a log */
    public static String id(MinedWindow w, int index) {
        String log = w.logId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        String suffix = "-" + w.rule().id() + "-" + (index + 1);
        if (log.isEmpty()) {
            log = "log";
        }
        return log.substring(0, Math.min(log.length(), 64 - suffix.length())) + suffix;
    }

    /**
     * @param w             the window
     * @param index         its index among the rule's windows in this log (0-based)
     * @param logPath       the log directory relative to the log root, forward slashes
     * @param logStartNs    the log's first timestamp, ns
     * @param rulesSource   where the rules came from
     * @return the YAML text of the scenario file
     */
    public static String toYaml(MinedWindow w, int index, String logPath, long logStartNs, String rulesSource) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id(w, index));
        m.put("title", w.rule().title() + " in " + w.logId());
        m.put("description", "Mined by rule '" + w.rule().id() + "': " + w.matchingFrames()
                + " matching annotated timestamps, first at " + seconds(w.firstMatchNs() - logStartNs) + " from log start.");
        m.put("log", Map.of("path", logPath));
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("start", seconds(Math.floorDiv(w.startNs() - logStartNs + 999_999, 1_000_000) * 1_000_000));
        window.put("end", seconds(Math.floorDiv(w.endNs() - logStartNs, 1_000_000) * 1_000_000));
        m.put("window", window);
        if (!w.rule().tags().isEmpty()) {
            Map<String, Object> tags = new LinkedHashMap<>();
            new java.util.TreeMap<>(w.rule().tags()).forEach((TagKey k, List<String> v) ->
                    tags.put(k.key(), k == TagKey.ACTORS ? v : v.get(0)));
            m.put("tags", tags);
        }
        m.put("classes", w.rule().classes());
        if (!w.rule().gates().isEmpty()) {
            m.put("gates", w.rule().gates());
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("log_id", w.logId());
        prov.put("rule", w.rule().id());
        prov.put("parameters", w.rule().when().describe());
        prov.put("rules_source", rulesSource);
        prov.put("tool", "avreplay " + ToolVersion.current());
        m.put("provenance", prov);
        try {
            return YAML.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render scenario " + m.get("id"), e);
        }
    }

    /** Millisecond-exact seconds, e.g. {@code 2.35s}. */
    static String seconds(long ns) {
        return java.math.BigDecimal.valueOf(Math.round(ns / 1e6), 3).stripTrailingZeros().toPlainString() + "s";
    }
}
