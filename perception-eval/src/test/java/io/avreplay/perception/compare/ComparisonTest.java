package io.avreplay.perception.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.perception.run.ScriptedDetector;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.TestLogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest extends ArrowTest {
    @Test
    void everyModelRunsOverTheSameLogsOpenedOnce() {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small()); // 10 sweeps, one car and one pedestrian each
        ScriptedDetector perfect = ScriptedDetector.lidar();
        ScriptedDetector blind = ScriptedDetector.blindLidar();

        List<Comparison.Row> rows = Comparison.run(List.of(log), List.of(perfect, blind), List.of("a", "b"),
                tmp.resolve("out"), allocator);

        // The perfect model finds every car exactly (AP 1 at every distance), the blind one none (AP 0);
        // each saw all 10 sweeps, through one open of the log for both.
        assertEquals(1.0, rows.get(0).classAps().get("car"), 1e-12);
        assertEquals(0.0, rows.get(1).classAps().get("car"), 1e-12);
        assertEquals(List.of(10, 10), List.of(perfect.seen.size(), blind.seen.size()));
        assertEquals(Map.of("fixture-log", 1), opens.opened());
    }
}
