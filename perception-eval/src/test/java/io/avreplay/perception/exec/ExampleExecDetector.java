package io.avreplay.perception.exec;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The runnable Java example of an external detector (docs/detector-protocol.md; examples/detectors/): reads
 * request batches from stdin, answers each with one batch on stdout. Its "model" puts one {@code car} box
 * (4.5 × 1.9 × 1.6 m, yaw 0, score 0.9) at the ego-frame centroid of each request's lidar points above
 * 0.3 m, so its output is easy to check by hand. It uses plain Arrow, nothing of avreplay's.
 */
public final class ExampleExecDetector {
    private ExampleExecDetector() {
    }

    /** Box columns of the answer, in order. */
    static final List<String> BOX = List.of("x", "y", "z", "length", "width", "height", "yaw", "vx", "vy", "score");

    static Schema answerSchema() {
        List<Field> f = new ArrayList<>();
        f.add(new Field("request_id", FieldType.notNullable(new ArrowType.Int(64, true)), null));
        for (String c : BOX) {
            f.add(list(c, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
        }
        f.add(list("label", ArrowType.Utf8.INSTANCE));
        return new Schema(f);
    }

    static Field list(String name, ArrowType element) {
        return new Field(name, FieldType.notNullable(ArrowType.List.INSTANCE),
                List.of(new Field("item", FieldType.notNullable(element), null)));
    }

    /** Reads requests until stdin ends. */
    public static void main(String[] args) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
                ArrowStreamReader in = new ArrowStreamReader(System.in, allocator);
                VectorSchemaRoot answer = VectorSchemaRoot.create(answerSchema(), allocator);
                ArrowStreamWriter out = new ArrowStreamWriter(answer, null, Channels.newChannel(System.out))) {
            out.start();
            while (in.loadNextBatch()) {
                VectorSchemaRoot req = in.getVectorSchemaRoot();
                long id = ((BigIntVector) req.getVector("request_id")).get(0);
                double[] c = centroid(req);
                answer.allocateNew();
                ((BigIntVector) answer.getVector("request_id")).setSafe(0, id);
                double[] box = c == null ? new double[0] : new double[] {c[0], c[1], c[2], 4.5, 1.9, 1.6, 0, 0, 0, 0.9};
                for (int i = 0; i < BOX.size(); i++) {
                    ListVector l = (ListVector) answer.getVector(BOX.get(i));
                    int start = l.startNewValue(0);
                    if (c != null) {
                        ((Float8Vector) l.getDataVector()).setSafe(start, box[i]);
                    }
                    l.endValue(0, c == null ? 0 : 1);
                    l.getDataVector().setValueCount(c == null ? 0 : 1);
                }
                ListVector labels = (ListVector) answer.getVector("label");
                int start = labels.startNewValue(0);
                if (c != null) {
                    ((VarCharVector) labels.getDataVector()).setSafe(start, "car".getBytes(StandardCharsets.UTF_8));
                }
                labels.endValue(0, c == null ? 0 : 1);
                labels.getDataVector().setValueCount(c == null ? 0 : 1);
                answer.setRowCount(1);
                out.writeBatch();
                System.out.flush();
            }
            out.end();
        }
    }

    /** @return the ego-frame centroid of the lidar points above 0.3 m, or null when there are none */
    static double[] centroid(VectorSchemaRoot req) {
        double sx = 0;
        double sy = 0;
        double sz = 0;
        int n = 0;
        VarCharVector kind = (VarCharVector) req.getVector("kind");
        for (int row = 0; row < req.getRowCount(); row++) {
            if (!new String(kind.get(row), StandardCharsets.UTF_8).equals("lidar")) {
                continue;
            }
            double[] q = new double[4];
            double[] t = new double[3];
            String[] qn = {"qw", "qx", "qy", "qz"};
            String[] tn = {"tx", "ty", "tz"};
            for (int i = 0; i < 4; i++) {
                q[i] = ((Float8Vector) req.getVector(qn[i])).get(row);
            }
            for (int i = 0; i < 3; i++) {
                t[i] = ((Float8Vector) req.getVector(tn[i])).get(row);
            }
            ListVector lx = (ListVector) req.getVector("x");
            Float4Vector x = (Float4Vector) lx.getDataVector();
            Float4Vector y = (Float4Vector) ((ListVector) req.getVector("y")).getDataVector();
            Float4Vector z = (Float4Vector) ((ListVector) req.getVector("z")).getDataVector();
            for (int i = lx.getElementStartIndex(row); i < lx.getElementEndIndex(row); i++) {
                double[] p = rotate(q, x.get(i), y.get(i), z.get(i));
                double ez = p[2] + t[2];
                if (ez > 0.3) {
                    sx += p[0] + t[0];
                    sy += p[1] + t[1];
                    sz += ez;
                    n++;
                }
            }
        }
        return n == 0 ? null : new double[] {sx / n, sy / n, sz / n};
    }

    /** Rotates (x, y, z) by the unit quaternion q = (w, x, y, z). */
    static double[] rotate(double[] q, double x, double y, double z) {
        double w = q[0];
        double qx = q[1];
        double qy = q[2];
        double qz = q[3];
        // v' = v + 2w (q × v) + 2 q × (q × v)
        double cx = qy * z - qz * y;
        double cy = qz * x - qx * z;
        double cz = qx * y - qy * x;
        double ccx = qy * cz - qz * cy;
        double ccy = qz * cx - qx * cz;
        double ccz = qx * cy - qy * cx;
        return new double[] {x + 2 * (w * cx + ccx), y + 2 * (w * cy + ccy), z + 2 * (w * cz + ccz)};
    }
}
