package io.avreplay.replay.arrow;

import io.avreplay.error.CorruptLogException;
import io.avreplay.replay.log.StreamInfo;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A {@link FrameStream} over one {@link ArrowStreamFile} and its {@link TimeIndex}. */
final class ArrowFrameStream<T> implements FrameStream<T> {
    /** Turns the loaded batch (and a row of it) into a frame. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(VectorSchemaRoot root, int row, long timestampNs);
    }

    private final StreamInfo info;
    private final ArrowStreamFile file;
    private final TimeIndex index;
    private final Decoder<T> decoder;

    ArrowFrameStream(StreamInfo info, ArrowStreamFile file, TimeIndex index, Decoder<T> decoder) {
        this.info = info;
        this.file = file;
        this.index = index;
        this.decoder = decoder;
    }

    @Override
    public StreamInfo info() {
        return info;
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public long timestampNs(int i) {
        check(i);
        return index.timestamp(i);
    }

    @Override
    public T read(int i) {
        check(i);
        return decode(i, file.load(index.batch(i)));
    }

    @Override
    public T readVerified(int i) {
        check(i);
        return decode(i, file.loadVerified(index.batch(i), index.crc(i), info));
    }

    private T decode(int i, VectorSchemaRoot root) {
        try {
            return decoder.decode(root, index.row(i), index.timestamp(i));
        } catch (CorruptLogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptLogException(file.file() + ": batch " + index.batch(i) + ", row " + index.row(i)
                    + ": invalid value (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int ceilIndex(long ns) {
        return index.ceil(ns);
    }

    @Override
    public int floorIndex(long ns) {
        return index.floor(ns);
    }

    @Override
    public void verify(int i) {
        check(i);
        file.verifyBatch(index.batch(i), index.crc(i), info);
    }

    private void check(int i) {
        if (i < 0 || i >= index.size()) {
            throw new IndexOutOfBoundsException("frame " + i + " of stream '" + info.name() + "' (size " + index.size() + ")");
        }
    }
}
