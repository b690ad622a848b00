package io.avreplay.scenario.gate;

import java.util.Objects;

/**
 * The outcome of one gate on one scenario.
 *
 * @param gate       the gate
 * @param candidate  the candidate's value; NaN when undefined
 * @param baseline   the baseline's value; NaN without a baseline
 * @param difference candidate − baseline; NaN without a baseline
 * @param ciLow      lower end of the bootstrap interval of the difference (of the candidate's value for
 *                   absolute gates without baseline); NaN when not computed
 * @param ciHigh     upper end of that interval
 * @param verdict    pass, fail or skipped
 * @param reason     one line for people, saying why
 */
public record GateResult(Gate gate, double candidate, double baseline, double difference, double ciLow,
        double ciHigh, Verdict verdict, String reason) {
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return whether the gate failed */
    public boolean failed() {
        return verdict == Verdict.FAIL;
    }
}
