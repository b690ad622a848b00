package io.avreplay.scenario.ci;

import io.avreplay.scenario.gate.BootstrapConfig;
import java.util.List;
import java.util.Objects;

/**
 * The result of gating a catalogue, with provenance.
 *
 * @param catalog     the catalogue location
 * @param candidate   the candidate's description
 * @param baseline    the baseline's description; empty when none
 * @param scorer      the scorer's name
 * @param bootstrap   the bootstrap settings of regression gates
 * @param toolVersion avreplay version
 * @param scenarios   one outcome per scenario, catalogue order
 * @param startedAt   when the run started, UTC, ISO-8601 to the second without zone ({@code 2026-12-06T08:40:18})
 */
public record GateRun(String catalog, String candidate, String baseline, String scorer, BootstrapConfig bootstrap,
        String toolVersion, List<ScenarioOutcome> scenarios, String startedAt) {
    public GateRun {
        Objects.requireNonNull(startedAt, "startedAt");
        if (!startedAt.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("startedAt must be yyyy-MM-ddTHH:mm:ss, got '" + startedAt + "'");
        }
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(toolVersion, "toolVersion");
        scenarios = List.copyOf(scenarios);
    }

    /** @return the current time in the form of {@link #startedAt()} */
    public static String now() {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    }

    /**
     * @return whether any gate of any scenario failed, or the run checked nothing (see {@link #problems()})
     */
    public boolean failed() {
        return !problems().isEmpty() || scenarios.stream().anyMatch(ScenarioOutcome::failed);
    }

    /**
     * Why the run as a whole cannot pass, one line each: no scenario, no gate, a scenario without scored
     * frames. A run that judged nothing is never green.
     *
     * @return the lines, empty when the run checked something in every scenario
     */
    public List<String> problems() {
        List<String> out = new java.util.ArrayList<>();
        if (scenarios.isEmpty()) {
            out.add("catalogue " + catalog + " has no scenario: nothing was gated");
            return out;
        }
        if (scenarios.stream().allMatch(s -> s.gates().isEmpty())) {
            out.add("catalogue " + catalog + " has no gate in any scenario: nothing was checked");
        }
        for (ScenarioOutcome s : scenarios) {
            if (s.frames() == 0) {
                out.add("scenario " + s.id() + " (" + s.file() + "): no annotated frame in its window: nothing judged");
            }
        }
        return out;
    }
}
