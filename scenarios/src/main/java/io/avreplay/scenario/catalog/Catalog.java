package io.avreplay.scenario.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated catalogue: scenarios with unique ids, in file-name order.
 *
 * @param location  the directory or file it was read from
 * @param scenarios the scenarios
 */
public record Catalog(Path location, List<Scenario> scenarios) {
    public Catalog {
        Objects.requireNonNull(location, "location");
        scenarios = List.copyOf(scenarios);
    }

    /** @return the scenario with this id */
    public Optional<Scenario> byId(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
