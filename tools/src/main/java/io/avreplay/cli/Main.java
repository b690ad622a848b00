package io.avreplay.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = AvreplayCli.create(out, err, args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
