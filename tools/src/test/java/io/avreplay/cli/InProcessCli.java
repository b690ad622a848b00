package io.avreplay.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Base of CLI tests that run several commands in-process and read what they printed: the stdout and stderr
 * of every {@link #run} accumulate in {@link #out} and {@link #err}. (One run's streams alone: {@link CliRun}.)
 */
abstract class InProcessCli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** @return the command's exit code */
    int run(String... args) {
        return AvreplayCli.create(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }
}
