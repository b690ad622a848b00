package io.avreplay.replay.importer.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.arrow.WriteOptions;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogMetadata;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameWriteQueueTest extends ArrowTest {
    private LogWriter writer(Path dir) {
        return LogWriter.create(dir, new LogMetadata("q", "unknown", "unknown", Map.of()), allocator, WriteOptions.defaults());
    }

    @Test
    void framesAreWrittenInTheOrderHandedOver() {
        Path dir = tmp.resolve("log");
        try (LogWriter w = writer(dir); FrameWriteQueue q = new FrameWriteQueue(w)) {
            for (int i = 0; i < 12; i++) {
                q.lidar(TestLogs.sweep("top", 1000L * i, i, 50));
            }
            q.drain();
            w.commit();
        }
        try (LogReader r = LogReader.open(dir, allocator)) {
            FrameStream<LidarSweep> s = r.lidar("top");
            assertEquals(12, s.size());
            for (int i = 0; i < 12; i++) {
                assertEquals(1000L * i, s.read(i).timestampNs());
                assertEquals(TestLogs.sweep("top", 1000L * i, i, 50).x()[7], s.read(i).x()[7]);
            }
        }
    }

    @Test
    void aFailedWriteIsRethrownAsItWasAndTheLogIsDiscarded() {
        Path dir = tmp.resolve("log");
        IllegalArgumentException e;
        try (LogWriter w = writer(dir); FrameWriteQueue q = new FrameWriteQueue(w)) {
            q.lidar(TestLogs.sweep("top", 2000, 0, 10));
            q.lidar(TestLogs.sweep("top", 1000, 1, 10)); // before the previous one: the log writer refuses it
            e = assertThrows(IllegalArgumentException.class, () -> {
                q.drain();
            });
            IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                    () -> q.lidar(TestLogs.sweep("top", 3000, 2, 10)));
            assertSame(e, again);
        }
        assertTrue(e.getMessage().contains("timestamp 1000 ns is before the previous frame (2000 ns)"), e.getMessage());
        assertTrue(!dir.toFile().exists(), "nothing committed, nothing left");
    }

    /** The callback of a sweep runs after its write, on the queue's thread, also when that write fails. */
    @Test
    void theDoneCallbackRunsAfterTheWriteAndAfterAFailedOne() {
        Path dir = tmp.resolve("log");
        java.util.List<String> done = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (LogWriter w = writer(dir); FrameWriteQueue q = new FrameWriteQueue(w)) {
            q.lidar(TestLogs.sweep("top", 2000, 0, 10), () -> done.add("2000 " + Thread.currentThread().getName()));
            q.lidar(TestLogs.sweep("top", 1000, 1, 10), () -> done.add("1000")); // refused: before the previous one
            assertThrows(IllegalArgumentException.class, q::drain);
        }
        assertEquals(java.util.List.of("2000 mcap-import-log-writer", "1000"), done);
    }
}
