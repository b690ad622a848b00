package io.avreplay.replay.arrow;

import io.avreplay.replay.log.LidarSweep;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Encodes a sweep into one record batch and back. */
final class LidarCodec {
    private LidarCodec() {
    }

    static void encode(LidarSweep s, VectorSchemaRoot root) {
        int n = s.size();
        Columns.put(Columns.vector(root, "x", Float4Vector.class), s.x(), n);
        Columns.put(Columns.vector(root, "y", Float4Vector.class), s.y(), n);
        Columns.put(Columns.vector(root, "z", Float4Vector.class), s.z(), n);
        Columns.put(Columns.vector(root, "intensity", Float4Vector.class), s.intensity(), n);
        Columns.put(Columns.vector(root, "ring", UInt1Vector.class), s.ring(), n);
        Columns.put(Columns.vector(root, "offset_ns", IntVector.class), s.offsetNs(), n);
        root.setRowCount(n);
    }

    static LidarPointsView view(VectorSchemaRoot root, String sensor, long timestampNs) {
        return new LidarPointsView(sensor, timestampNs, root.getRowCount(),
                Columns.viewFloats(Columns.vector(root, "x", Float4Vector.class)),
                Columns.viewFloats(Columns.vector(root, "y", Float4Vector.class)),
                Columns.viewFloats(Columns.vector(root, "z", Float4Vector.class)),
                Columns.viewFloats(Columns.vector(root, "intensity", Float4Vector.class)),
                Columns.viewBytes(Columns.vector(root, "ring", UInt1Vector.class)),
                Columns.viewInts(Columns.vector(root, "offset_ns", IntVector.class)));
    }

    /**
     * Like {@link #view} but with columns that outlive the next batch load: each column's bytes go
     * through {@code retain} (a slice of the mapped file, or a copy).
     */
    static LidarPointsView retainedView(VectorSchemaRoot root, String sensor, long timestampNs,
            java.util.function.BiFunction<org.apache.arrow.memory.ArrowBuf, Integer, java.nio.ByteBuffer> retain) {
        int n = root.getRowCount();
        return new LidarPointsView(sensor, timestampNs, n,
                retainFloats(root, "x", n, retain), retainFloats(root, "y", n, retain),
                retainFloats(root, "z", n, retain), retainFloats(root, "intensity", n, retain),
                retain.apply(Columns.vector(root, "ring", UInt1Vector.class).getDataBuffer(), n).asReadOnlyBuffer(),
                retain.apply(Columns.vector(root, "offset_ns", IntVector.class).getDataBuffer(), 4 * n)
                        .asIntBuffer().asReadOnlyBuffer());
    }

    private static java.nio.FloatBuffer retainFloats(VectorSchemaRoot root, String column, int n,
            java.util.function.BiFunction<org.apache.arrow.memory.ArrowBuf, Integer, java.nio.ByteBuffer> retain) {
        return retain.apply(Columns.vector(root, column, Float4Vector.class).getDataBuffer(), 4 * n).asFloatBuffer()
                .asReadOnlyBuffer();
    }

    static LidarSweep decode(VectorSchemaRoot root, String sensor, long timestampNs) {
        return new LidarSweep(sensor, timestampNs,
                Columns.getFloats(Columns.vector(root, "x", Float4Vector.class)),
                Columns.getFloats(Columns.vector(root, "y", Float4Vector.class)),
                Columns.getFloats(Columns.vector(root, "z", Float4Vector.class)),
                Columns.getFloats(Columns.vector(root, "intensity", Float4Vector.class)),
                Columns.getBytes(Columns.vector(root, "ring", UInt1Vector.class)),
                Columns.getInts(Columns.vector(root, "offset_ns", IntVector.class)));
    }
}
