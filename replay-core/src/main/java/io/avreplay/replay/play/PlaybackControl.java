package io.avreplay.replay.play;

/**
 * Pause, step, resume and stop for a running replay, for interactive tools. A paused replay releases
 * no frame until {@link #step} grants some or {@link #resume} lifts the pause; pacing restarts from
 * the next released frame, so a pause does not make the replay rush to catch up. Thread-safe: call it
 * from any thread while another consumes the replay.
 */
public final class PlaybackControl {
    private boolean paused;
    private long stepPermits;
    private boolean stopped;

    PlaybackControl(boolean startPaused) {
        this.paused = startPaused;
    }

    /** Stops releasing frames after the current one. */
    public synchronized void pause() {
        paused = true;
        notifyAll();
    }

    /** Releases frames again at the configured rate and drops any unused step permits. */
    public synchronized void resume() {
        paused = false;
        stepPermits = 0;
        notifyAll();
    }

    /** While paused, lets {@code frames} more frames (or frame sets) through. */
    public synchronized void step(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be >= 1, got " + frames);
        }
        stepPermits += frames;
        notifyAll();
    }

    /** Ends the replay: the iterator reports no more frames and listeners get no more calls. */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    /** @return frames still allowed through by {@link #step} while paused */
    public synchronized long stepPermits() {
        return stepPermits;
    }

    /** @return true when the next frame may be released now without waiting */
    public synchronized boolean canRelease() {
        return stopped || !paused || stepPermits > 0;
    }

    /**
     * Blocks until the next frame may be released, then takes a step permit if paused.
     *
     * @return true when it had to wait (the caller re-anchors its pacing), false otherwise
     * @throws InterruptedException when interrupted while waiting
     */
    synchronized boolean awaitRelease() throws InterruptedException {
        boolean waited = false;
        while (!stopped && paused && stepPermits == 0) {
            waited = true;
            wait();
        }
        if (paused && stepPermits > 0) {
            stepPermits--;
            waited = true;
        }
        return waited;
    }
}
