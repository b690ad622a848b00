package io.avreplay.scenario.catalog;

import io.avreplay.error.BadInputException;
import io.avreplay.scenario.gate.Gate;
import io.avreplay.scenario.scoring.ScoringLayout;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One catalogued scenario.
 *
 * @param id          unique in its catalogue: lower-case letters, digits, {@code . _ -}, at most 64
 * @param title       one line
 * @param description free text, possibly empty
 * @param log         where the log comes from
 * @param window      the time window scored and mined
 * @param tags        tag key to values (one value, or several for {@link TagKey#ACTORS})
 * @param classes     the classes that matter: metrics are computed on these only; non-empty
 * @param gates       the gates, possibly empty
 * @param provenance  how the scenario was made (mined: log id, rule, parameters, tool version); empty
 *                    for hand-written scenarios
 * @param source      the file it was read from
 * @param scoring     report bins, regions and time tolerance (YAML {@code scoring:}; defaults when absent)
 */
public record Scenario(String id, String title, String description, LogRef log, TimeWindow window,
        SortedMap<TagKey, List<String>> tags, List<String> classes, List<Gate> gates, Map<String, String> provenance,
        ScenarioSource source, ScoringLayout scoring) {
    public Scenario {
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(source, "source");
        TreeMap<TagKey, List<String>> t = new TreeMap<>();
        tags.forEach((k, v) -> t.put(k, List.copyOf(v)));
        tags = java.util.Collections.unmodifiableSortedMap(t);
        classes = List.copyOf(classes);
        gates = List.copyOf(gates);
        provenance = Map.copyOf(provenance);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("scenario " + id + ": classes must not be empty");
        }
    }

    /**
     * The window in absolute ns, checked against the log's span.
     *
     * @param logStartNs first timestamp of the log, ns
     * @param logEndNs   last timestamp of the log, ns
     * @throws BadInputException naming file, line and field when the window is not inside the log
     */
    public long[] absoluteWindow(long logStartNs, long logEndNs) {
        long[] w = window.absolute(logStartNs);
        if (w[0] < logStartNs || w[1] > logEndNs) {
            throw new BadInputException(source.at("window") + " window " + window + " is outside its log ("
                    + TimeWindow.seconds(0) + ".." + TimeWindow.seconds(logEndNs - logStartNs) + " from start, "
                    + logStartNs + ".." + logEndNs + " ns)");
        }
        return w;
    }
}
