package io.avreplay.replay.play;

/** Why a frame was skipped by a replay that skips corrupt frames. */
public enum SkipReason {
    /** The record batch's CRC-32C differs from the one in the log's time index. */
    CHECKSUM_MISMATCH,
    /** The batch could not be decoded (truncated, malformed or holding invalid values). */
    UNDECODABLE;

    /** @return e.g. {@code checksum mismatch} */
    public String label() {
        return this == CHECKSUM_MISMATCH ? "checksum mismatch" : "undecodable";
    }
}
