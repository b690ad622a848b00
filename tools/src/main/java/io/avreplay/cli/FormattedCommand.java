package io.avreplay.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that prints its result on stdout as text or, with {@code --format json}, as JSON: its spec,
 * the {@code --format} option, and the printing (picocli picks the annotated fields up from this class).
 */
abstract class FormattedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format = new FormatOption();

    /** Prints {@code result} as {@code json} (plus a line break) or {@code text} (as is); returns exit code 0. */
    <R> int print(R result, Function<R, String> text, Function<R, String> json) {
        return EvalCommand.print(spec, format, result, text, json);
    }

    /** The command's stdout. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
