package io.avreplay.scenario.mining;

import io.avreplay.scenario.catalog.TagKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One mining rule.
 *
 * @param id          a name, used in scenario ids ({@code [a-z0-9-]+})
 * @param title       one line, used in scenario titles
 * @param when        the condition on an annotated timestamp
 * @param classes     the classes that matter for the mined scenarios
 * @param tags        tags given to mined scenarios
 * @param gates       gate expressions given to mined scenarios
 */
public record MiningRule(String id, String title, Predicate when, List<String> classes, Map<TagKey, List<String>> tags,
        List<String> gates) {
    public MiningRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(when, "when");
        classes = List.copyOf(classes);
        tags = Map.copyOf(tags);
        gates = List.copyOf(gates);
    }
}
