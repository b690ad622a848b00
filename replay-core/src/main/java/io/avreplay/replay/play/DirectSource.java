package io.avreplay.replay.play;

import io.avreplay.replay.arrow.LogReader;
import java.util.List;
import java.util.Optional;

/** Decodes each step on the consumer's thread with the replay's own readers; no read-ahead. */
final class DirectSource<T> implements ItemSource<T> {
    private final Production.Pipeline<T> steps;

    DirectSource(Production<T> production, List<LogReader> readers) {
        this.steps = production.start(readers);
    }

    @Override
    public Optional<Decoded<T>> take() {
        return steps.hasNext() ? Optional.of(steps.decodeNext()) : Optional.empty();
    }

    @Override
    public long peakBufferedBytes() {
        return 0;
    }

    @Override
    public void close() {
        // nothing is owned: the readers belong to the replay
    }
}
