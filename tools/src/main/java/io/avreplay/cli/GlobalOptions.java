package io.avreplay.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every subcommand accepts; mixed into the top-level command and inherited. */
final class GlobalOptions {
    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Print the full stack trace of an error instead of one line.")
    boolean stacktrace;

    @Option(names = "--progress", scope = ScopeType.INHERIT, defaultValue = "auto", paramLabel = "WHEN",
            description = "Progress bars on stderr: ${COMPLETION-CANDIDATES}; auto draws them when stderr is a "
                    + "terminal (default: ${DEFAULT-VALUE}).")
    ProgressReporter.Mode progress = ProgressReporter.Mode.auto;
}
