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
}
