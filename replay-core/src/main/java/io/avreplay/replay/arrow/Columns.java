package io.avreplay.replay.arrow;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Bulk copies between Java primitive arrays and Arrow fixed-width vectors, without a call per value.
 * Arrow buffers are little-endian; so is every platform we support.
 */
final class Columns {
    private Columns() {
    }

    static <V extends FieldVector> V vector(VectorSchemaRoot root, String name, Class<V> type) {
        FieldVector v = root.getVector(name);
        if (v == null) {
            throw new IllegalStateException("no column " + name);
        }
        return type.cast(v);
    }

    private static java.nio.ByteBuffer data(BaseFixedWidthVector v, int n, int width) {
        return v.getDataBuffer().nioBuffer(0, n * width).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Makes room for {@code n} values, all valid. The buffers of the previous batch are kept when they hold
     * {@code n} values (their bytes up to {@code n} are then overwritten by the caller; the ones past {@code n}
     * are not written out), so a stream of same-sized batches allocates and zeroes its buffers once.
     */
    private static void prepare(BaseFixedWidthVector v, int n) {
        if (v.getValueCapacity() < n || v.getDataBuffer().capacity() < (long) n * v.getTypeWidth()) {
            v.allocateNew(n);
        }
        ArrowBuf validity = v.getValidityBuffer();
        validity.setOne(0, (n + 7) / 8);
    }

    static void put(Float4Vector v, float[] values, int n) {
        prepare(v, n);
        data(v, n, 4).asFloatBuffer().put(values, 0, n);
        v.setValueCount(n);
    }

    static void put(IntVector v, int[] values, int n) {
        prepare(v, n);
        data(v, n, 4).asIntBuffer().put(values, 0, n);
        v.setValueCount(n);
    }

    static void put(UInt1Vector v, byte[] values, int n) {
        prepare(v, n);
        data(v, n, 1).put(values, 0, n);
        v.setValueCount(n);
    }

    static java.nio.FloatBuffer viewFloats(Float4Vector v) {
        return data(v, v.getValueCount(), 4).asFloatBuffer().asReadOnlyBuffer();
    }

    static java.nio.IntBuffer viewInts(IntVector v) {
        return data(v, v.getValueCount(), 4).asIntBuffer().asReadOnlyBuffer();
    }

    static java.nio.ByteBuffer viewBytes(UInt1Vector v) {
        return data(v, v.getValueCount(), 1).asReadOnlyBuffer();
    }

    static float[] getFloats(Float4Vector v) {
        int n = v.getValueCount();
        float[] out = new float[n];
        data(v, n, 4).asFloatBuffer().get(out);
        return out;
    }

    static int[] getInts(IntVector v) {
        int n = v.getValueCount();
        int[] out = new int[n];
        data(v, n, 4).asIntBuffer().get(out);
        return out;
    }

    static byte[] getBytes(UInt1Vector v) {
        int n = v.getValueCount();
        byte[] out = new byte[n];
        data(v, n, 1).get(out);
        return out;
    }

    static void setString(VarCharVector v, int row, String s) {
        v.setSafe(row, s.getBytes(StandardCharsets.UTF_8));
    }

    static String getString(VarCharVector v, int row) {
        byte[] b = v.get(row);
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    static void setDouble(Float8Vector v, int row, double d) {
        v.setSafe(row, d);
    }

    static void setLong(BigIntVector v, int row, long d) {
        v.setSafe(row, d);
    }

    static void setByte(TinyIntVector v, int row, int d) {
        v.setSafe(row, (byte) d);
    }
}
