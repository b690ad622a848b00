package io.avreplay.fleet.cli;

import io.avreplay.cli.ExitCodes;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point of {@code avreplay fleet}: runs the command line and exits with its code. */
public final class FleetMain {
    private FleetMain() {
    }

    /** @param args the arguments after {@code avreplay fleet} */
    public static void main(String[] args) {
        System.setProperty("picocli.disable.closures", "true");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = FleetCli.create(out, err).execute(args);
        } catch (Throwable t) { // last resort: anything that escaped picocli is an internal error, in one line
            err.println("avreplay fleet: internal error: " + t.getClass().getSimpleName() + ": " + t.getMessage());
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
