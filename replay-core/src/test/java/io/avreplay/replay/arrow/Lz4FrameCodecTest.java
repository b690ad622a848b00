package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Our LZ4_FRAME codec against Arrow's own (arrow-compression's commons-compress codec, which we did not write):
 * each reads the other's files, so ours follows the IPC format's buffer layout.
 */
class Lz4FrameCodecTest extends ArrowTest {
    private static final int N = 200_000;
    private static final Schema SCHEMA = new Schema(List.of(
            new Field("x", FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null),
            new Field("k", FieldType.notNullable(new ArrowType.Int(32, true)), null)));

    private void write(Path file, CompressionCodec.Factory codecs) throws Exception {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter w = new ArrowFileWriter(root, null, ch, Map.of(), IpcOption.DEFAULT, codecs,
                     CompressionUtil.CodecType.LZ4_FRAME)) {
            Float4Vector x = (Float4Vector) root.getVector("x");
            IntVector k = (IntVector) root.getVector("k");
            x.allocateNew(N);
            k.allocateNew(N);
            for (int i = 0; i < N; i++) {
                x.set(i, i * 0.25f);
                k.set(i, i % 1000);
            }
            root.setRowCount(N);
            w.start();
            w.writeBatch();
            w.end();
        }
    }

    /** @return the sums of x and of k over the file's one batch */
    private double[] read(Path file, CompressionCodec.Factory codecs) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader r = new ArrowFileReader(ch, allocator, codecs)) {
            r.loadRecordBatch(r.getRecordBlocks().get(0));
            VectorSchemaRoot root = r.getVectorSchemaRoot();
            assertEquals(N, root.getRowCount());
            double sx = 0;
            double sk = 0;
            for (int i = 0; i < N; i++) {
                sx += ((Float4Vector) root.getVector("x")).get(i);
                sk += ((IntVector) root.getVector("k")).get(i);
            }
            return new double[] {sx, sk};
        }
    }

    @Test
    void arrowsOwnCodecReadsOurFilesAndOursReadsTheirs() throws Exception {
        // sum of i/4 for i < 200 000 = 199 999 * 200 000 / 8 = 4 999 975 000; k = i mod 1000: 200 blocks of 499 500
        double[] want = {4_999_975_000.0, 99_900_000.0};
        Path ours = tmp.resolve("ours.arrow");
        write(ours, ArrowCodecs.INSTANCE);
        assertEquals(want[0], read(ours, CommonsCompressionFactory.INSTANCE)[0]);
        assertEquals(want[1], read(ours, CommonsCompressionFactory.INSTANCE)[1]);
        Path theirs = tmp.resolve("theirs.arrow");
        write(theirs, CommonsCompressionFactory.INSTANCE);
        assertEquals(want[0], read(theirs, ArrowCodecs.INSTANCE)[0]);
        assertEquals(want[1], read(theirs, ArrowCodecs.INSTANCE)[1]);
    }
}
