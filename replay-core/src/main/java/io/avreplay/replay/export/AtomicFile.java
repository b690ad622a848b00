package io.avreplay.replay.export;

import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.files.OutputPublisher;

/**
 * The exporters' way to publish through {@link OutputPublisher}. An exporter replaces an earlier output of
 * its own kind (a file with a file, a directory only when it carries the exporter's marker); refusing an
 * existing output unless {@code --overwrite} was given is the caller's check ({@link OutputPublisher#check}).
 */
final class AtomicFile {
    private AtomicFile() {
    }

    /** A single exported file (JSON, MP4): replaces only a regular file. */
    static final OutputKind FILE = OutputKind.file("export");

    /** Publishes a single file. */
    static void write(java.nio.file.Path destination, OutputPublisher.Body body) {
        OutputPublisher.write(destination, FILE, true, body);
    }

    /** Publishes a directory of kind {@code kind}; {@code body} gets an empty directory. */
    static void writeDirectory(java.nio.file.Path destination, OutputKind kind, OutputPublisher.Body body) {
        OutputPublisher.write(destination, kind, true, body);
    }
}
