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
 */
public record GateRun(String catalog, String candidate, String baseline, String scorer, BootstrapConfig bootstrap,
        String toolVersion, List<ScenarioOutcome> scenarios) {
    public GateRun {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(toolVersion, "toolVersion");
        scenarios = List.copyOf(scenarios);
    }

    /** @return whether any gate of any scenario failed */
    public boolean failed() {
        return scenarios.stream().anyMatch(ScenarioOutcome::failed);
    }
}
