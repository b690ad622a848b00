package io.avreplay.scenario.gate;

/** The outcome of one gate. */
public enum Verdict {
    PASS,
    FAIL,
    /** A regression gate without a baseline: reported, never failing. */
    SKIPPED
}
