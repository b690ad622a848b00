package io.avreplay.cli;

import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.play.Replay;
import io.avreplay.replay.play.ReplayFrame;
import io.avreplay.replay.progress.ProgressListener;
import io.avreplay.replay.sync.FrameSet;

/** Turns replayed items into progress along the window's timeline: milliseconds of log, one stage per loop. */
final class ReplayProgress {
    private final ProgressListener listener;
    private final long startNs;
    private final long spanMs;

    ReplayProgress(Replay replay, ProgressListener listener) {
        this.listener = listener;
        long end = Math.min(replay.windowEndNs(), replay.logs().stream().mapToLong(l -> l.manifest().endNs()).max()
                .orElse(replay.windowEndNs()));
        this.startNs = replay.windowStartNs();
        this.spanMs = Math.max(1, (end - startNs) / 1_000_000);
    }

    /** Reports one replayed {@link FrameSet} or {@link ReplayFrame}. */
    void update(Object item) {
        FrameRef ref;
        int loop;
        if (item instanceof FrameSet s) {
            ref = s.reference();
            loop = s.loop();
        } else {
            ref = ((ReplayFrame) item).ref();
            loop = ((ReplayFrame) item).loop();
        }
        long ms = Math.min(spanMs, Math.max(0, (ref.timestampNs() - startNs) / 1_000_000));
        listener.step(loop == 0 ? "replay" : "replay loop " + (loop + 1), ms, spanMs);
    }
}
