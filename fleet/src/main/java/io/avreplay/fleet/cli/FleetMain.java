package io.avreplay.fleet.cli;

import io.avreplay.cli.Main;

/** Process entry point of {@code avreplay fleet}: runs the command line and exits with its code ({@link Main#runAndExit}). */
public final class FleetMain {
    private FleetMain() {
    }

    /** @param args the arguments after {@code avreplay fleet} */
    public static void main(String[] args) {
        Main.runAndExit("avreplay fleet", (out, err) -> FleetCli.create(out, err).execute(args));
    }
}
