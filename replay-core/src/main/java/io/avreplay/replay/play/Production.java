package io.avreplay.replay.play;

import io.avreplay.replay.arrow.LogReader;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * How to produce a replay's decoded steps from a set of open readers: the schedule and the decoder.
 * Called once per decoding thread, on that thread, with readers only it uses.
 *
 * @param <T> the item type
 */
@FunctionalInterface
interface Production<T> {
    Pipeline<T> start(List<LogReader> readers);

    /** The scheduled steps in order; each is either decoded or skipped (left to another thread). */
    interface Pipeline<T> {
        boolean hasNext();

        /** Passes over the next step without reading any frame data. */
        void skip();

        Decoded<T> decodeNext();

        static <S, T> Pipeline<T> of(Iterator<S> steps, Function<S, Decoded<T>> decode) {
            return new Pipeline<>() {
                @Override
                public boolean hasNext() {
                    return steps.hasNext();
                }

                @Override
                public void skip() {
                    steps.next();
                }

                @Override
                public Decoded<T> decodeNext() {
                    return decode.apply(steps.next());
                }
            };
        }
    }
}
