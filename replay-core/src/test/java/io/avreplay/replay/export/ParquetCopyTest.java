package io.avreplay.replay.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.avreplay.replay.arrow.ArrowTest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;

/** An Arrow IPC table of two batches copied into Parquet, a column left out, read back with parquet-java. */
class ParquetCopyTest extends ArrowTest {
    private static final Schema SCHEMA = new Schema(List.of(
            new Field("log_id", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
            new Field("timestamp_ns", FieldType.notNullable(new ArrowType.Int(64, true)), null),
            new Field("x", FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null)));

    @Test
    void everyBatchIsCopiedWithoutTheColumnsLeftOut() throws IOException {
        Path arrow = write(tmp.resolve("t.arrow"), List.of(List.of(10L, 11L), List.of(12L)));
        Path parquet = tmp.resolve("part.parquet");
        assertEquals(3, ParquetCopy.fromArrowFile(arrow, parquet, Set.of("log_id"), allocator));
        ParquetTable table = ParquetTable.read(parquet);
        MessageType schema = table.schema();
        List<Group> rows = table.rows();
        assertEquals(List.of("timestamp_ns", "x"), schema.getFields().stream().map(f -> f.getName()).toList());
        // row i of batch b: timestamp as given, x = timestamp / 4 (12 / 4 = 3.0)
        assertEquals(List.of(10L, 11L, 12L), rows.stream().map(g -> g.getLong("timestamp_ns", 0)).toList());
        assertEquals(3.0, rows.get(2).getDouble("x", 0));
        assertFalse(Files.exists(tmp.resolve(".part.parquet.tmp")));
    }

    @Test
    void anEmptyTableGivesAnEmptyFileAndAnUnknownColumnIsRefused() throws IOException {
        Path arrow = write(tmp.resolve("e.arrow"), List.of(List.of()));
        assertEquals(0, ParquetCopy.fromArrowFile(arrow, tmp.resolve("e.parquet"), Set.of(), allocator));
        ParquetTable empty = ParquetTable.read(tmp.resolve("e.parquet"));
        assertEquals(3, empty.schema().getFieldCount());
        assertEquals(List.of(), empty.rows());
        assertThrows(IllegalArgumentException.class,
                () -> ParquetCopy.fromArrowFile(arrow, tmp.resolve("f.parquet"), Set.of("nope"), allocator));
        assertFalse(Files.exists(tmp.resolve("f.parquet")));
    }

    private Path write(Path file, List<List<Long>> batches) throws IOException {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
            w.start();
            for (List<Long> batch : batches) {
                root.allocateNew();
                for (int i = 0; i < batch.size(); i++) {
                    ((VarCharVector) root.getVector("log_id")).setSafe(i, "log-a".getBytes(StandardCharsets.UTF_8));
                    ((BigIntVector) root.getVector("timestamp_ns")).setSafe(i, batch.get(i));
                    ((Float8Vector) root.getVector("x")).setSafe(i, batch.get(i) / 4.0);
                }
                root.setRowCount(batch.size());
                w.writeBatch();
            }
            w.end();
        }
        return file;
    }

}
