package io.avreplay.fleet.job.archfixture;

/** A job class that reaches up into the fleet CLI on purpose (never production). */
public final class CliReacher {
    private CliReacher() {
    }

    static Object reach() {
        return io.avreplay.fleet.cli.FleetMain.class;
    }
}
