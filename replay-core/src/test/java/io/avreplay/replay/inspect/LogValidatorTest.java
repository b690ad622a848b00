package io.avreplay.replay.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.TestLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation rules from the reliability (D9, D10) and ecosystem (Argoverse 2) findings. */
class LogValidatorTest extends ArrowTest {
    /**
     * Argoverse 2 poses alternate about 5 and 10 ms: the median (5 ms) made every 10 ms step a "gap"
     * (638 of them). The 90th percentile of {5, 10, 5, 10, ...} is 10 ms, so the threshold is 15 ms.
     */
    @Test
    void irregularButDenseStreamHasNoGaps() {
        long[] deltas = new long[100];
        for (int i = 0; i < deltas.length; i++) {
            deltas[i] = i % 2 == 0 ? 5_000_000L : 10_000_000L;
        }
        assertEquals(10_000_000L, LogValidator.nominalPeriod(deltas));
    }

    /** A regular 10 Hz stream missing one sweep of 20: nominal 100 ms, the 200 ms interval is a gap (> 150). */
    @Test
    void missingFrameOfRegularStreamIsStillAGap() {
        long[] deltas = new long[20];
        java.util.Arrays.fill(deltas, 100_000_000L);
        deltas[7] = 200_000_000L;
        long nominal = LogValidator.nominalPeriod(deltas);
        assertEquals(100_000_000L, nominal);
        assertTrue(deltas[7] > LogValidator.GAP_FACTOR * nominal);
    }

    /** Up to 3 findings of one check in one file are listed; 5 become one line with count, first and last. */
    @Test
    void repeatedProblemsAreGrouped() {
        List<Problem> in = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            in.add(new Problem("gap", "ego_pose.arrow frames " + i + "-" + (i + 1), "gap " + i));
        }
        for (int i = 0; i < 3; i++) {
            in.add(new Problem("gap", "lidar/top.arrow frames " + i + "-" + (i + 1), "gap " + i));
        }
        List<Problem> out = ProblemGroups.group(in);
        assertEquals(4, out.size(), out.toString());
        assertEquals(new Problem("gap", "ego_pose.arrow", "5 times; first: ego_pose.arrow frames 0-1: gap 0; "
                + "last: ego_pose.arrow frames 4-5: gap 4"), out.get(0));
        assertEquals("lidar/top.arrow frames 2-3", out.get(3).location());
    }

    /** D9: start after end is a problem; D10: every mismatching file is listed, not just the first. */
    @Test
    void manifestAndEveryChecksumAreReported() throws Exception {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small());
        assertEquals(List.of(), LogValidator.validate(log, allocator));
        String json = Files.readString(log.resolve("log.json"));
        Files.writeString(log.resolve("log.json"), json.replaceFirst("\"start_ns\" : \\d+",
                "\"start_ns\" : " + Long.MAX_VALUE));
        for (String f : List.of("camera/cam_front.arrow", "annotations.arrow")) {
            byte[] b = Files.readAllBytes(log.resolve(f));
            b[b.length / 2] ^= 1;
            Files.write(log.resolve(f), b);
        }
        List<String> found = LogValidator.validate(log, allocator).stream().map(Problem::toString).toList();
        // the start and the 5 streams now before it: 6 manifest findings in log.json, grouped into one line
        assertTrue(found.get(0).startsWith("log.json: [manifest] 6 times; first: log.json: start_ns " + Long.MAX_VALUE
                + " is after end_ns"), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith(log.resolve("camera/cam_front.arrow") + ": [checksum]")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith(log.resolve("annotations.arrow") + ": [checksum]")), found.toString());
    }
}
