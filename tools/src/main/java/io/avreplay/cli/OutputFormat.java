package io.avreplay.cli;

/** How a command prints its result on stdout. */
enum OutputFormat {
    text, json
}
