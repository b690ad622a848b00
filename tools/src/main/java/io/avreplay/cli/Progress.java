package io.avreplay.cli;

import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.play.Replay;
import io.avreplay.replay.play.ReplayFrame;
import io.avreplay.replay.sync.FrameSet;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn when the percentage of the window (per loop) changes.
 * Silent unless stderr is a terminal.
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final long startNs;
    private final long spanNs;
    private long count;
    private int lastPercent = -1;
    private int lastLoop = -1;

    private Progress(PrintWriter err, boolean enabled, long startNs, long spanNs) {
        this.err = err;
        this.enabled = enabled;
        this.startNs = startNs;
        this.spanNs = Math.max(1, spanNs);
    }

    static Progress forTerminal(PrintWriter err, Replay replay, boolean terminal) {
        long end = Math.min(replay.windowEndNs(), replay.logs().stream().mapToLong(l -> l.manifest().endNs()).max()
                .orElse(replay.windowEndNs()));
        return new Progress(err, terminal, replay.windowStartNs(), end - replay.windowStartNs());
    }

    void update(Object item) {
        count++;
        if (!enabled) {
            return;
        }
        FrameRef ref;
        int loop;
        if (item instanceof FrameSet s) {
            ref = s.reference();
            loop = s.loop();
        } else {
            ref = ((ReplayFrame) item).ref();
            loop = ((ReplayFrame) item).loop();
        }
        int percent = (int) Math.min(100, Math.max(0, (ref.timestampNs() - startNs) * 100 / spanNs));
        if (percent != lastPercent || loop != lastLoop) {
            lastPercent = percent;
            lastLoop = loop;
            int filled = percent * WIDTH / 100;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% loop " + (loop + 1)
                    + ", " + count + " items");
            err.flush();
        }
    }

    void done() {
        if (enabled && lastPercent >= 0) {
            err.println();
            err.flush();
        }
    }
}
