package io.avreplay.replay.arrow;

import io.avreplay.error.CorruptLogException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Checks a record batch's declared lengths against its buffers before anything is allocated or
 * decoded: each field node's length against the batch length and the bytes its buffers hold, and each
 * compressed buffer's declared uncompressed length against the most its node's rows can need. A flipped
 * bit in a length prefix or a row count then gives a one-line error instead of a huge allocation or a
 * silently wrong row count. Stateless.
 */
final class BatchBounds {
    /** Arrow pads buffers; a few bytes over the exact need are normal. */
    private static final long PADDING = 64;
    /** Offsets are 32-bit, so no variable-width data buffer of our schemas can exceed this. */
    private static final long MAX_VARIABLE = Integer.MAX_VALUE;

    private BatchBounds() {
    }

    /**
     * @throws CorruptLogException naming file, batch, column and buffer when a length is impossible
     */
    static void check(Path file, int batchIndex, Schema schema, ArrowRecordBatch batch) {
        boolean compressed = batch.getBodyCompression().getCodec() != CompressionUtil.CodecType.NO_COMPRESSION.getType();
        Iterator<ArrowFieldNode> nodes = batch.getNodes().iterator();
        Iterator<ArrowBuf> buffers = batch.getBuffers().iterator();
        String where = file + ": batch " + batchIndex;
        if (batch.getLength() < 0) {
            throw new CorruptLogException(where + ": negative row count " + batch.getLength());
        }
        for (Field f : schema.getFields()) {
            checkField(where, f, nodes, buffers, compressed, batch.getLength());
        }
    }

    private static void checkField(String where, Field f, Iterator<ArrowFieldNode> nodes, Iterator<ArrowBuf> buffers,
            boolean compressed, long parentLength) {
        if (!nodes.hasNext()) {
            throw new CorruptLogException(where + ": column '" + f.getName() + "' has no field node");
        }
        ArrowFieldNode node = nodes.next();
        long length = node.getLength();
        String col = where + ", column '" + f.getName() + "'";
        if (length < 0 || node.getNullCount() < 0 || node.getNullCount() > length) {
            throw new CorruptLogException(col + ": impossible length " + length + " / null count " + node.getNullCount());
        }
        if (parentLength >= 0 && length != parentLength) {
            throw new CorruptLogException(col + ": " + length + " rows but the batch has " + parentLength);
        }
        ArrowType type = f.getType();
        int count = TypeLayout.getTypeBufferCount(type);
        for (int b = 0; b < count; b++) {
            if (!buffers.hasNext()) {
                throw new CorruptLogException(col + ": buffer " + b + " is missing");
            }
            long actual = size(buffers.next(), compressed);
            long[] range = expected(type, b, length);
            if (actual < range[0] && !(b == 0 && actual == 0 && node.getNullCount() == 0)) {
                throw new CorruptLogException(col + ": buffer " + b + " holds " + actual + " bytes but " + length
                        + " rows need at least " + range[0]);
            }
            if (actual > range[1]) {
                throw new CorruptLogException(col + ": buffer " + b + " claims " + actual + " bytes, more than "
                        + length + " rows can need (" + range[1] + ")");
            }
        }
        List<Field> children = f.getChildren();
        for (Field child : children) {
            long childLength = type instanceof ArrowType.Struct ? length
                    : type instanceof ArrowType.FixedSizeList l ? length * l.getListSize() : -1;
            checkField(where, child, nodes, buffers, compressed, childLength);
        }
    }

    /** Bytes a buffer holds once decompressed: its own size, or the declared length of a compressed one. */
    private static long size(ArrowBuf buf, boolean compressed) {
        long raw = buf.writerIndex();
        if (!compressed || raw == 0) {
            return raw;
        }
        if (raw < CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH) {
            return -1;
        }
        long declared = buf.getLong(0);
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            declared = Long.reverseBytes(declared);
        }
        return declared == CompressionUtil.NO_COMPRESSION_LENGTH ? raw - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH
                : declared;
    }

    /** {min, max} bytes of buffer {@code b} of a node of {@code length} rows of {@code type}. */
    private static long[] expected(ArrowType type, int b, long length) {
        long validity = (length + 7) / 8;
        if (b == 0 && !(type instanceof ArrowType.Null) && !(type instanceof ArrowType.Union)) {
            return new long[] {validity, validity + PADDING};
        }
        long width = switch (type.getTypeID()) {
            case Int -> ((ArrowType.Int) type).getBitWidth() / 8;
            case FloatingPoint -> switch (((ArrowType.FloatingPoint) type).getPrecision()) {
                case HALF -> 2;
                case SINGLE -> 4;
                case DOUBLE -> 8;
            };
            case Timestamp, Date, Time, Duration -> 8;
            case FixedSizeBinary -> ((ArrowType.FixedSizeBinary) type).getByteWidth();
            default -> -1;
        };
        if (type instanceof ArrowType.Bool) {
            return new long[] {validity, validity + PADDING};
        }
        if (width > 0) {
            long need = Math.multiplyHigh(length, width) != 0 ? Long.MAX_VALUE : length * width;
            return new long[] {need, need + PADDING};
        }
        boolean offsets = type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary
                || type instanceof ArrowType.List;
        if (offsets && b == 1) {
            long need = length == 0 ? 0 : (length + 1) * 4;
            return new long[] {need, (length + 1) * 4 + PADDING};
        }
        return new long[] {0, MAX_VARIABLE};
    }
}
