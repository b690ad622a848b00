package io.avreplay.fleet.job.archfixture;

/** A job class that reaches up into the fleet's and tools' CLIs on purpose (never production). */
public final class CliReacher {
    private CliReacher() {
    }

    static Object reach() {
        return java.util.List.of(io.avreplay.fleet.cli.FleetMain.class, io.avreplay.cli.ModelOptions.class);
    }
}
