package io.avreplay.scenario.catalog;

import java.util.Locale;
import java.util.Set;

/** The tag keys of a scenario, with their allowed values where the vocabulary is closed. */
public enum TagKey {
    TIME_OF_DAY(Set.of("day", "dawn", "dusk", "night")),
    WEATHER(Set.of("clear", "overcast", "rain", "fog", "snow")),
    ROAD_TYPE(Set.of("urban", "arterial", "highway", "residential", "intersection", "rural", "parking")),
    /** Actor classes present, e.g. {@code pedestrian}, {@code bicycle}; any name. */
    ACTORS(Set.of()),
    /** The testbed zone, any name. */
    ZONE(Set.of());

    private final Set<String> allowed;

    TagKey(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** @return the YAML key, e.g. {@code time_of_day} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the allowed values; empty when any value is allowed */
    public Set<String> allowed() {
        return allowed;
    }

    /** @return the key with this YAML name */
    static java.util.Optional<TagKey> of(String key) {
        for (TagKey k : values()) {
            if (k.key().equals(key)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Reads a {@code tags} mapping, checking keys and closed vocabularies.
     *
     * @throws RuntimeException the document's error type, naming file, line and field
     */
    public static java.util.TreeMap<TagKey, java.util.List<String>> read(io.avreplay.scenario.yaml.YamlNode n) {
        java.util.TreeMap<TagKey, java.util.List<String>> out = new java.util.TreeMap<>();
        for (String k : n.keys()) {
            io.avreplay.scenario.yaml.YamlNode v = n.get(k);
            TagKey key = of(k).orElseThrow(() -> v.error("unknown tag, expected one of "
                    + java.util.stream.Stream.of(TagKey.values()).map(TagKey::key).toList()));
            java.util.List<String> values = v.stringList();
            if (key != TagKey.ACTORS && values.size() != 1) {
                throw v.error("tag '" + k + "' takes one value, got " + values);
            }
            for (String s : values) {
                if (!key.allowed().isEmpty() && !key.allowed().contains(s)) {
                    throw v.error("unknown " + k + " '" + s + "', expected one of " + new java.util.TreeSet<>(key.allowed()));
                }
            }
            out.put(key, values);
        }
        return out;
    }
}
