package io.avreplay.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        runAndExit("avreplay", (out, err) -> AvreplayCli.create(out, err, args, ProgressReporter.stderrIsTerminal())
                .execute(args));
    }

    /**
     * Runs a command line on the process's stdout and stderr (UTF-8) and exits the JVM with its code: the one
     * process entry of {@code avreplay} and of {@code avreplay fleet} ({@code io.avreplay.fleet.cli.FleetMain}).
     * Anything that escapes the command line is an internal error, printed in one line after {@code name}.
     *
     * @param name    the program's name, prefixed to that line ({@code avreplay}, {@code avreplay fleet})
     * @param execute runs the command line on (stdout, stderr) and returns its exit code
     */
    public static void runAndExit(String name, java.util.function.BiFunction<PrintWriter, PrintWriter, Integer> execute) {
        // picocli otherwise looks up Groovy's Closure class (for Groovy scripts' annotations) at start-up: a
        // class that is not there, so every jar of the class path is opened to find that out (about 25 ms).
        System.setProperty("picocli.disable.closures", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = execute.apply(out, err);
        } catch (Throwable t) { // last resort: anything that escaped picocli is an internal error, in one line
            err.println(name + ": internal error: " + t.getClass().getSimpleName() + ": " + t.getMessage());
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
