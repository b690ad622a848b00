package io.avreplay.cli;

import picocli.CommandLine.Option;

/** The shared {@code --format text|json} option. */
final class FormatOption {
    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.text;

    boolean json() {
        return format == OutputFormat.json;
    }
}
