package io.avreplay.replay.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one row of an Arrow {@link VectorSchemaRoot} as one Parquet record: the record written is a
 * {@link Cursor} naming the row, so no per-row object is made. Column writers are chosen once per column
 * from the vector's class. Not thread-safe; owned by one {@link ParquetTableSink}.
 */
final class ArrowRowWriteSupport extends WriteSupport<ArrowRowWriteSupport.Cursor> {
    /** The row to write next (mutable, reused). */
    static final class Cursor {
        int row;
    }

    @FunctionalInterface
    private interface Cell {
        void write(RecordConsumer rc, int row);
    }

    private final MessageType schema;
    private final List<FieldVector> vectors;
    private final List<Cell> cells = new ArrayList<>();
    private RecordConsumer consumer;

    ArrowRowWriteSupport(MessageType schema, VectorSchemaRoot root) {
        this.schema = schema;
        this.vectors = root.getFieldVectors();
        for (FieldVector v : vectors) {
            cells.add(cell(v));
        }
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Cursor cursor) {
        int row = cursor.row;
        consumer.startMessage();
        for (int c = 0; c < vectors.size(); c++) {
            FieldVector v = vectors.get(c);
            if (v.isNull(row)) {
                continue;
            }
            String name = v.getName();
            consumer.startField(name, c);
            cells.get(c).write(consumer, row);
            consumer.endField(name, c);
        }
        consumer.endMessage();
    }

    private static Cell cell(FieldVector v) {
        if (v instanceof VarCharVector s) {
            return (rc, row) -> rc.addBinary(Binary.fromConstantByteArray(s.get(row)));
        }
        if (v instanceof TimeStampVector t) {
            return (rc, row) -> rc.addLong(t.get(row));
        }
        if (v instanceof BigIntVector l) {
            return (rc, row) -> rc.addLong(l.get(row));
        }
        if (v instanceof IntVector i) {
            return (rc, row) -> rc.addInteger(i.get(row));
        }
        if (v instanceof TinyIntVector b) {
            return (rc, row) -> rc.addInteger(b.get(row));
        }
        if (v instanceof UInt1Vector u) {
            return (rc, row) -> rc.addInteger(Byte.toUnsignedInt(u.get(row)));
        }
        if (v instanceof Float4Vector f) {
            return (rc, row) -> rc.addFloat(f.get(row));
        }
        if (v instanceof Float8Vector d) {
            return (rc, row) -> rc.addDouble(d.get(row));
        }
        if (v instanceof ListVector list && list.getDataVector() instanceof Float8Vector items) {
            return (rc, row) -> list(rc, list, items, row);
        }
        throw new IllegalArgumentException("column " + v.getName() + ": " + v.getClass().getSimpleName()
                + " has no Parquet writer here");
    }

    /** The standard three-level LIST: group (LIST) { repeated group list { required double element; } }. */
    private static void list(RecordConsumer rc, ListVector list, Float8Vector items, int row) {
        int start = list.getElementStartIndex(row);
        int end = list.getElementEndIndex(row);
        rc.startGroup();
        if (end > start) {
            rc.startField("list", 0);
            for (int i = start; i < end; i++) {
                rc.startGroup();
                rc.startField("element", 0);
                rc.addDouble(items.get(i));
                rc.endField("element", 0);
                rc.endGroup();
            }
            rc.endField("list", 0);
        }
        rc.endGroup();
    }
}
