package io.avreplay.perception.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident set size (heap, native memory of DL4J and ONNX Runtime, code; not the memory of
 * an exec model's own process), from Linux's {@code /proc/self/status} {@code VmHWM}, and its reset through
 * {@code /proc/self/clear_refs} (value 5) so each model's run has its own peak. Elsewhere, or when the reset
 * is refused, {@link #peakBytes()} reports -1. Process-wide: one comparison at a time.
 */
final class PeakResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final boolean reset;

    private PeakResidentMemory(boolean reset) {
        this.reset = reset;
    }

    /** Resets the peak to the current resident size and starts a measurement. */
    static PeakResidentMemory start() {
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            return new PeakResidentMemory(true);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new PeakResidentMemory(false);
        }
    }

    /** @return the peak resident set size since {@link #start()}, bytes; -1 when it cannot be measured */
    long peakBytes() {
        if (!reset) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
