package io.avreplay.replay.play;

import io.avreplay.error.AvreplayException;
import io.avreplay.replay.log.FrameRef;

/** A {@link ReplayListener} threw; the replay stopped at the frame it names. */
public final class ReplayListenerException extends AvreplayException {
    private static final long serialVersionUID = 1L;
    private final transient FrameRef frame;

    ReplayListenerException(FrameRef frame, Throwable cause) {
        super("replay stopped at " + frame + ": listener failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        this.frame = frame;
    }

    /** @return the frame (for a frame set: its reference frame) the listener failed on */
    public FrameRef frame() {
        return frame;
    }
}
