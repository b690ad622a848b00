package io.avreplay.cli;

import io.avreplay.replay.arrow.Checksums;
import picocli.CommandLine.Option;

/** The shared {@code --no-verify} option of commands that decode a log. */
final class VerifyOption {
    @Option(names = "--no-verify", description = "Do not check checksums (the small files at open, each batch's "
            + "CRC-32C before decoding it); lengths are still bounded.")
    boolean noVerify;

    Checksums checksums() {
        return noVerify ? Checksums.SKIP : Checksums.VERIFY;
    }
}
