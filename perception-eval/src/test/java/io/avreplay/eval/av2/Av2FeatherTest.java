package io.avreplay.eval.av2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.eval.Golden;
import io.avreplay.replay.arrow.ArrowTest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.junit.jupiter.api.Test;

/** Feather (Arrow IPC file) tables give the same result as the CSV they were written from. */
class Av2FeatherTest extends ArrowTest {
    @Test
    void featherEqualsCsv() throws IOException {
        Path dir = Golden.root().resolve("av2").resolve("random-s36");
        Path gt = write(Av2TableReader.read(dir.resolve("gt.csv"), "num_interior_pts", allocator), "gt.feather",
                "num_interior_pts", false);
        Path dt = write(Av2TableReader.read(dir.resolve("dt.csv"), "score", allocator), "dt.feather", "score", false);
        Av2Evaluator ev = new Av2Evaluator(Av2Config.defaults());
        Av2Result fromCsv = ev.evaluateFiles(dir.resolve("gt.csv"), dir.resolve("dt.csv"), allocator);
        Av2Result fromFeather = ev.evaluateFiles(gt, dt, allocator);
        assertEquals(fromCsv.categories(), fromFeather.categories());
        assertEquals(fromCsv.average(), fromFeather.average());
        assertEquals(fromCsv.counts(), fromFeather.counts());
    }

    @Test
    void float32ColumnsAreWidenedExactly() throws IOException {
        // av2's own files store the cuboid as float32; widening to double is exact, so a table written as
        // float32 reads back as the float32-rounded values.
        Path dir = Golden.root().resolve("av2").resolve("random-s36");
        Av2Table t = Av2TableReader.read(dir.resolve("dt.csv"), "score", allocator);
        Av2Table back = Av2TableReader.read(write(t, "dt32.feather", "score", true), "score", allocator);
        assertEquals(t.rows, back.rows);
        for (int i = 0; i < t.cuboid.length; i++) {
            assertEquals((double) (float) t.cuboid[i], back.cuboid[i]);
        }
        assertEquals(t.logId[7], back.logId[7]);
        assertEquals(t.timestampNs[7], back.timestampNs[7]);
    }

    private Path write(Av2Table t, String name, String last, boolean float32) throws IOException {
        Path out = tmp.resolve(name);
        List<FieldVector> vectors = new ArrayList<>();
        VarCharVector log = new VarCharVector("log_id", allocator);
        BigIntVector ts = new BigIntVector("timestamp_ns", allocator);
        VarCharVector cat = new VarCharVector("category", allocator);
        vectors.add(log);
        vectors.add(ts);
        vectors.add(cat);
        for (String c : Av2Table.CUBOID) {
            vectors.add(float32 ? new Float4Vector(c, allocator) : new Float8Vector(c, allocator));
        }
        FieldVector lastVector = last.equals("score") ? new Float8Vector(last, allocator) : new BigIntVector(last, allocator);
        vectors.add(lastVector);
        vectors.forEach(v -> v.setInitialCapacity(t.rows));
        vectors.forEach(FieldVector::allocateNew);
        for (int i = 0; i < t.rows; i++) {
            log.setSafe(i, t.logId[i].getBytes(StandardCharsets.UTF_8));
            ts.setSafe(i, t.timestampNs[i]);
            cat.setSafe(i, t.category[i].getBytes(StandardCharsets.UTF_8));
            for (int c = 0; c < 10; c++) {
                FieldVector v = vectors.get(3 + c);
                if (v instanceof Float4Vector f) {
                    f.setSafe(i, (float) t.cuboid[i * 10 + c]);
                } else {
                    ((Float8Vector) v).setSafe(i, t.cuboid[i * 10 + c]);
                }
            }
            if (lastVector instanceof Float8Vector f) {
                f.setSafe(i, t.last[i]);
            } else {
                ((BigIntVector) lastVector).setSafe(i, (long) t.last[i]);
            }
        }
        try (VectorSchemaRoot root = new VectorSchemaRoot(vectors);
             FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
            root.setRowCount(t.rows);
            w.start();
            w.writeBatch();
            w.end();
        }
        return out;
    }
}
