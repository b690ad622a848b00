package io.avreplay.replay.log;

/** The avreplay version recorded in every log manifest and result's provenance. */
public final class ToolVersion {
    private static final String VERSION = "0.1.0";

    private ToolVersion() {
    }

    /** @return the semantic version of this build of avreplay, e.g. {@code 0.1.0} */
    public static String current() {
        return VERSION;
    }
}
