package io.avreplay.replay.arrow;

import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.ImageEncoding;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Encodes a camera frame as a one-row record batch and back. */
final class CameraCodec {
    private CameraCodec() {
    }

    static void encode(CameraFrame f, VectorSchemaRoot root) {
        root.allocateNew();
        Columns.vector(root, "timestamp_ns", BigIntVector.class).setSafe(0, f.timestampNs());
        Columns.setString(Columns.vector(root, "encoding", VarCharVector.class), 0, f.encoding().id());
        Columns.vector(root, "data", VarBinaryVector.class).setSafe(0, f.data());
        Columns.vector(root, "width", IntVector.class).setSafe(0, f.width());
        Columns.vector(root, "height", IntVector.class).setSafe(0, f.height());
        root.setRowCount(1);
    }

    static CameraFrame decode(VectorSchemaRoot root, String sensor, int row) {
        return new CameraFrame(sensor,
                Columns.vector(root, "timestamp_ns", BigIntVector.class).get(row),
                ImageEncoding.fromId(Columns.getString(Columns.vector(root, "encoding", VarCharVector.class), row)),
                Columns.vector(root, "data", VarBinaryVector.class).get(row),
                Columns.vector(root, "width", IntVector.class).get(row),
                Columns.vector(root, "height", IntVector.class).get(row));
    }
}
