package io.avreplay.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // picocli otherwise looks up Groovy's Closure class (for Groovy scripts' annotations) at start-up: a
        // class that is not there, so every jar of the class path is opened to find that out (about 25 ms).
        System.setProperty("picocli.disable.closures", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = AvreplayCli.create(out, err, args, ProgressReporter.stderrIsTerminal()).execute(args);
        } catch (Throwable t) { // last resort: anything that escaped picocli is an internal error, in one line
            err.println("avreplay: internal error: " + t.getClass().getSimpleName() + ": " + t.getMessage());
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
