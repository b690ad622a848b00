package io.avreplay.replay.arrow;

/**
 * Whether a {@link LogReader} checks checksums while reading. With {@link #VERIFY} (the default) the
 * small files (index, calibration, ego poses) are checked whole against the manifest at open, and
 * every record batch against the index's CRC-32C before it is decoded; a mismatch is a
 * {@link io.avreplay.error.ChecksumMismatchException}. {@link #SKIP} trusts the bytes (the CLI's
 * {@code --no-verify}); lengths are still bounded, so damage gives an error, never a huge allocation.
 */
public enum Checksums {
    /** Check every file and batch that is decoded. */
    VERIFY,
    /** Decode without checking checksums. */
    SKIP
}
