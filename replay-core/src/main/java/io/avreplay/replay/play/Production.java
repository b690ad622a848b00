package io.avreplay.replay.play;

import io.avreplay.replay.arrow.LogReader;
import java.util.Iterator;
import java.util.List;

/**
 * How to produce a replay's decoded steps from a set of open readers (the schedule composed with the
 * decoder). Called once per source, on the thread that will then use the readers.
 *
 * @param <T> the item type
 */
@FunctionalInterface
interface Production<T> {
    Iterator<Decoded<T>> start(List<LogReader> readers);
}
