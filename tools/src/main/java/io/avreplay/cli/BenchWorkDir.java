package io.avreplay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --dir} option: where a benchmark writes its data. */
final class BenchWorkDir {
    @Option(names = "--dir", description = "Work directory (default: a temporary directory).")
    Path dir;

    /** @return {@code --dir}, or a new temporary directory named after {@code prefix} */
    Path resolve(String prefix) throws IOException {
        return dir != null ? dir : Files.createTempDirectory(prefix);
    }
}
