package io.avreplay.scenario.catalog;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a scenario was read from, for error messages after reading (e.g. a window outside its log).
 *
 * @param file  the scenario file
 * @param lines top-level field name to its 1-based line
 */
public record ScenarioSource(Path file, Map<String, Integer> lines) {
    public ScenarioSource {
        Objects.requireNonNull(file, "file");
        lines = Map.copyOf(lines);
    }

    /** @return {@code file:line: field 'name':} for a top-level field */
    public String at(String field) {
        return file + ":" + lines.getOrDefault(field, 1) + ": field '" + field + "':";
    }
}
