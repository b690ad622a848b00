package io.avreplay.perception.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a process's stderr on a daemon thread, keeping its last {@value #KEEP} bytes, so the process never
 * blocks on a full pipe and errors can quote what it said last. Thread-safe.
 */
final class StderrTail {
    static final int KEEP = 600;

    private final byte[] ring = new byte[KEEP];
    private final Thread thread;
    private long written;

    StderrTail(InputStream in) {
        thread = new Thread(() -> drain(in), "avreplay-exec-stderr");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits up to {@code ms} for the stream to end (after the process died), so the tail is complete. */
    void awaitEnd(long ms) {
        try {
            thread.join(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (this) {
                    for (int i = 0; i < n; i++) {
                        ring[(int) (written++ % KEEP)] = buf[i];
                    }
                }
            }
        } catch (IOException e) {
            // The process closed its stderr; what was read is kept.
        }
    }

    /** @return the last bytes written, as one line (line breaks become " | "), stripped */
    synchronized String tail() {
        int n = (int) Math.min(written, KEEP);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = ring[(int) ((written - n + i) % KEEP)];
        }
        return new String(out, StandardCharsets.UTF_8).strip().replaceAll("\\s*\\R\\s*", " | ");
    }
}
