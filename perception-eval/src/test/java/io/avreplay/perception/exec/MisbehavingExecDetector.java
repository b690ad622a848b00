package io.avreplay.perception.exec;

import java.io.IOException;
import java.nio.channels.Channels;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An external detector that fails on purpose, one way per argument: {@code crash} answers the first request
 * with no boxes, then says "CUDA error: out of memory" on stderr and exits 3 on the second;
 * {@code schema} answers without the {@code yaw} column; {@code wrong-id} answers request n as n + 100;
 * {@code hang} starts a child process ({@code sleep 300}), prints its pid on stderr and never answers.
 */
public final class MisbehavingExecDetector {
    private MisbehavingExecDetector() {
    }

    /** @param args the failure mode */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Schema schema = ExampleExecDetector.answerSchema();
        if (mode.equals("schema")) {
            schema = new Schema(schema.getFields().stream().filter(f -> !f.getName().equals("yaw")).toList());
        }
        try (BufferAllocator allocator = new RootAllocator();
                ArrowStreamReader in = new ArrowStreamReader(System.in, allocator);
                VectorSchemaRoot answer = VectorSchemaRoot.create(schema, allocator);
                ArrowStreamWriter out = new ArrowStreamWriter(answer, null, Channels.newChannel(System.out))) {
            if (mode.equals("hang")) {
                Process child = new ProcessBuilder("sleep", "300").start();
                System.err.println("started child pid " + child.pid());
                System.err.flush();
                in.loadNextBatch();
                Thread.sleep(300_000);
            }
            out.start();
            int seen = 0;
            while (in.loadNextBatch()) {
                seen++;
                if (mode.equals("crash") && seen == 2) {
                    System.err.println("loading frame 2");
                    System.err.println("CUDA error: out of memory");
                    System.exit(3);
                }
                long id = ((BigIntVector) in.getVectorSchemaRoot().getVector("request_id")).get(0);
                answer.allocateNew();
                ((BigIntVector) answer.getVector("request_id")).setSafe(0, mode.equals("wrong-id") ? id + 100 : id);
                for (var v : answer.getFieldVectors()) {
                    if (v instanceof ListVector l) {
                        l.startNewValue(0);
                        l.endValue(0, 0);
                    }
                }
                answer.setRowCount(1);
                out.writeBatch();
                System.out.flush();
            }
            out.end();
        }
    }
}
