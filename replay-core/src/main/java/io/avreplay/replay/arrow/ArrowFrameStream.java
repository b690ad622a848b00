package io.avreplay.replay.arrow;

import io.avreplay.error.CorruptLogException;
import io.avreplay.replay.log.StreamInfo;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A {@link FrameStream} over one {@link ArrowStreamFile} and its {@link TimeIndex}. */
class ArrowFrameStream<T> implements FrameStream<T> {
    /** Turns the loaded batch (and a row of it) into a frame. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(VectorSchemaRoot root, int row, long timestampNs);
    }

    private final StreamInfo info;
    final ArrowStreamFile file;
    final TimeIndex index;
    private final Decoder<T> decoder;
    /** Whether plain reads check the batch's CRC-32C too (the reader's {@link Checksums}). */
    private final boolean verify;

    ArrowFrameStream(StreamInfo info, ArrowStreamFile file, TimeIndex index, Decoder<T> decoder, boolean verify) {
        this.info = info;
        this.file = file;
        this.index = index;
        this.decoder = decoder;
        this.verify = verify;
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

    /** Decodes frame {@code i}, checking its batch's CRC-32C first when the reader verifies checksums. */
    @Override
    public T read(int i) {
        return apply(i, root -> decoder.decode(root, index.row(i), index.timestamp(i)));
    }

    /** Loads the batch of frame {@code i} and applies {@code f} to it, wrapping decode failures. */
    <R> R apply(int i, java.util.function.Function<VectorSchemaRoot, R> f) {
        check(i);
        return decode(i, load(i, verify), f);
    }

    VectorSchemaRoot load(int i, boolean checked) {
        return checked ? file.loadVerified(index.batch(i), index.crc(i), info) : file.load(index.batch(i));
    }

    @Override
    public T readVerified(int i) {
        check(i);
        return decode(i, load(i, true), root -> decoder.decode(root, index.row(i), index.timestamp(i)));
    }

    <R> R decode(int i, VectorSchemaRoot root, java.util.function.Function<VectorSchemaRoot, R> f) {
        try {
            return f.apply(root);
        } catch (CorruptLogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptLogException(file.file() + ": batch " + index.batch(i) + ", row " + index.row(i)
                    + ": invalid value (" + e.getMessage() + ")", e);
        }
    }

    /** The lidar flavour, which can lend zero-copy views. */
    static final class Lidar extends ArrowFrameStream<io.avreplay.replay.log.LidarSweep> implements LidarStream {
        private final String sensor;

        Lidar(StreamInfo info, ArrowStreamFile file, TimeIndex index, String sensor, boolean verify) {
            super(info, file, index, (root, row, ts) -> LidarCodec.decode(root, sensor, ts), verify);
            this.sensor = sensor;
        }

        @Override
        public <R> R withView(int i, java.util.function.Function<LidarPointsView, R> visitor) {
            LidarPointsView v = apply(i, root -> LidarCodec.view(root, sensor, index.timestamp(i)));
            return visitor.apply(v);
        }

        @Override
        public LidarPointsView readPoints(int i, boolean verify) {
            check(i);
            VectorSchemaRoot root = load(i, verify);
            return decode(i, root, r -> LidarCodec.retainedView(r, sensor, index.timestamp(i), file::retain));
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

    void check(int i) {
        if (i < 0 || i >= index.size()) {
            throw new IndexOutOfBoundsException("frame " + i + " of stream '" + info.name() + "' (size " + index.size() + ")");
        }
    }
}
