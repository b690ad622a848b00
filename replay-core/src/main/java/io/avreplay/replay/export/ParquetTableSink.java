package io.avreplay.replay.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A table as an Apache Parquet file (ZSTD pages, one row group per 128 MiB), written through parquet-java's
 * {@link LocalOutputFile} with a {@link PlainParquetConfiguration} and {@link ZstdPageCodecs}: no Hadoop
 * class runs. The Arrow columns
 * map to Parquet as: utf8 → BINARY STRING; int64 → INT64; timestamp(ns) → INT64 TIMESTAMP(NANOS,
 * adjusted to UTC only when the Arrow type has a time zone); int32 → INT32; int8 → INT32 INT(8, signed); uint8 → INT32 INT(8, unsigned); float32 →
 * FLOAT; float64 → DOUBLE; list&lt;float64&gt; → the three-level LIST of DOUBLE. Nullable Arrow fields are
 * OPTIONAL, the others REQUIRED.
 */
final class ParquetTableSink implements TableSink {
    private final VectorSchemaRoot root;
    private final ArrowRowWriteSupport.Cursor cursor = new ArrowRowWriteSupport.Cursor();
    private final ParquetWriter<ArrowRowWriteSupport.Cursor> writer;

    ParquetTableSink(Path file, VectorSchemaRoot root) throws IOException {
        this.root = root;
        MessageType schema = messageType(root.getSchema());
        this.writer = new Builder(new LocalOutputFile(file), new ArrowRowWriteSupport(schema, root))
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCodecFactory(new ZstdPageCodecs())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .build();
    }

    @Override
    public void writeBatch() throws IOException {
        for (int row = 0; row < root.getRowCount(); row++) {
            cursor.row = row;
            writer.write(cursor);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** The Parquet schema of an export table (named {@code avreplay_table}). */
    static MessageType messageType(Schema arrow) {
        List<Type> fields = new ArrayList<>();
        for (Field f : arrow.getFields()) {
            fields.add(column(f));
        }
        return new MessageType("avreplay_table", fields);
    }

    private static Type column(Field f) {
        Type.Repetition rep = f.isNullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        ArrowType t = f.getType();
        if (t instanceof ArrowType.List) {
            Field item = f.getChildren().get(0);
            if (!(item.getType() instanceof ArrowType.FloatingPoint fp && fp.getPrecision() == FloatingPointPrecision.DOUBLE)) {
                throw new IllegalArgumentException("column " + f.getName() + ": lists of " + item.getType() + " are not exported");
            }
            return Types.list(rep).requiredElement(PrimitiveTypeName.DOUBLE).named(f.getName());
        }
        return primitive(f.getName(), t, rep);
    }

    private static Type primitive(String name, ArrowType t, Type.Repetition rep) {
        if (t instanceof ArrowType.Utf8) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
        }
        if (t instanceof ArrowType.Timestamp ts && ts.getUnit() == TimeUnit.NANOSECOND) {
            return Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(ts.getTimezone() != null, LogicalTypeAnnotation.TimeUnit.NANOS))
                    .named(name);
        }
        if (t instanceof ArrowType.Int i) {
            if (i.getBitWidth() == 64 && i.getIsSigned()) {
                return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
            }
            if (i.getBitWidth() == 32 && i.getIsSigned()) {
                return Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
            }
            if (i.getBitWidth() == 8) {
                return Types.primitive(PrimitiveTypeName.INT32, rep)
                        .as(LogicalTypeAnnotation.intType(8, i.getIsSigned())).named(name);
            }
        }
        if (t instanceof ArrowType.FloatingPoint fp) {
            return switch (fp.getPrecision()) {
                case SINGLE -> Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
                case HALF -> throw new IllegalArgumentException("column " + name + ": float16 is not exported");
            };
        }
        throw new IllegalArgumentException("column " + name + ": Arrow type " + t + " has no Parquet mapping here");
    }

    /** parquet-java's builder for our write support. */
    private static final class Builder extends ParquetWriter.Builder<ArrowRowWriteSupport.Cursor, Builder> {
        private final ArrowRowWriteSupport support;

        Builder(LocalOutputFile file, ArrowRowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<ArrowRowWriteSupport.Cursor> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<ArrowRowWriteSupport.Cursor> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
