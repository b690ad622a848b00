package io.avreplay.scenario.catalog;

import java.nio.file.Path;

/** Resolves a scenario's log reference to a log directory that exists. */
@FunctionalInterface
public interface LogProvider {
    /**
     * @return the log directory of {@code scenario}
     * @throws io.avreplay.error.BadInputException naming the scenario file, line and field when the log is
     *                                             missing or its path escapes the log root
     */
    Path logDirectory(Scenario scenario);
}
