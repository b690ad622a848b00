package io.avreplay.replay.inspect;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.GroundTruth3d;
import org.apache.arrow.memory.BufferAllocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a log for problems a consumer would trip on: a manifest that contradicts itself (start after
 * end, a stream's first frame after its last or outside the log's span, a stream's span differing from
 * its index), file checksums (every mismatching file is listed), timestamps strictly increasing per
 * stream, gaps over {@value #GAP_FACTOR}x the stream's nominal period, sensors without calibration,
 * ground truth outside the sensors' time span, and NaN or infinite values in points or boxes (an
 * unknown box velocity is NaN by convention and allowed). The nominal period is the stream's
 * 90th-percentile interval, so a stream sampled irregularly but densely (Argoverse 2 poses alternate
 * 5 and 10 ms) is not full of "gaps", while a missing frame of a regular stream still is. Repeated
 * findings of one check in one file are grouped ({@link ProblemGroups}). Decodes every lidar sweep and
 * annotation once. Stateless and thread-safe.
 */
public final class LogValidator {
    /** A gap is reported when an interval exceeds this multiple of the nominal (90th-percentile) interval. */
    public static final double GAP_FACTOR = 1.5;
    /** Quantile of a stream's intervals taken as its nominal period. */
    static final double NOMINAL_QUANTILE = 0.9;

    private LogValidator() {
    }

    /**
     * Validates the log in {@code dir}: the manifest and checksums first, then (when every checksum
     * matches, so the data can be trusted) the contents.
     *
     * @return every problem found, repeated ones grouped; empty when the log is clean
     * @throws io.avreplay.error.BadInputException when the log cannot be read at all (no manifest, a
     *                                             malformed one, a missing, resized or unreadable file)
     */
    public static List<Problem> validate(Path dir, BufferAllocator allocator) {
        LogManifest m = LogReader.readManifest(dir);
        LogReader.checkFiles(dir, m);
        List<Problem> problems = new ArrayList<>();
        checkManifest(m, problems);
        List<String> checksum = LogReader.verifyChecksums(dir, m);
        for (String c : checksum) {
            problems.add(new Problem("checksum", c.substring(0, c.indexOf(": ")), c.substring(c.indexOf(": ") + 2)));
        }
        if (!checksum.isEmpty()) {
            problems.add(new Problem("checksum", dir.toString(), "contents not checked: " + checksum.size()
                    + " file" + (checksum.size() == 1 ? "" : "s") + " cannot be trusted"));
            return ProblemGroups.group(problems);
        }
        try (LogReader reader = LogReader.open(dir, allocator)) {
            checkContents(reader, problems);
        }
        return ProblemGroups.group(problems);
    }

    /**
     * Validates an open log (its manifest, every file's checksum and its contents).
     *
     * @return every problem found, repeated ones grouped; empty when the log is clean
     */
    public static List<Problem> validate(LogReader reader) {
        List<Problem> problems = new ArrayList<>();
        checkManifest(reader.manifest(), problems);
        for (String c : reader.verifyChecksums()) {
            problems.add(new Problem("checksum", c.substring(0, c.indexOf(": ")), c.substring(c.indexOf(": ") + 2)));
        }
        if (problems.stream().noneMatch(p -> p.check().equals("checksum"))) {
            checkContents(reader, problems);
        }
        return ProblemGroups.group(problems);
    }

    private static void checkContents(LogReader reader, List<Problem> problems) {
        LogManifest m = reader.manifest();
        for (StreamInfo s : m.streams()) {
            FrameStream<?> fs = reader.stream(s);
            checkSpan(fs, s, problems);
            checkTimestamps(fs, s, problems);
        }
        checkCalibration(reader, problems);
        checkAnnotationSpan(reader, m, problems);
        for (String lidar : reader.lidarIds()) {
            checkPoints(reader.lidar(lidar), problems);
        }
        reader.annotations3d().ifPresent(a -> checkBoxes(a, problems));
    }

    private static void checkManifest(LogManifest m, List<Problem> out) {
        if (m.startNs() > m.endNs()) {
            out.add(new Problem("manifest", LogManifest.FILE_NAME, "start_ns " + m.startNs() + " is after end_ns "
                    + m.endNs()));
        }
        for (StreamInfo s : m.streams()) {
            if (s.count() == 0) {
                continue;
            }
            if (s.firstNs() > s.lastNs()) {
                out.add(new Problem("manifest", LogManifest.FILE_NAME + " stream " + s.name(), "first_ns "
                        + s.firstNs() + " is after last_ns " + s.lastNs()));
            } else if (s.firstNs() < m.startNs() || s.lastNs() > m.endNs()) {
                out.add(new Problem("manifest", LogManifest.FILE_NAME + " stream " + s.name(), "frames ["
                        + s.firstNs() + ", " + s.lastNs() + "] ns lie outside the log's span [" + m.startNs() + ", "
                        + m.endNs() + "] ns"));
            }
        }
    }

    private static void checkSpan(FrameStream<?> fs, StreamInfo s, List<Problem> out) {
        if (fs.size() == 0) {
            return;
        }
        long first = fs.timestampNs(0);
        long last = fs.timestampNs(fs.size() - 1);
        if (first != s.firstNs() || last != s.lastNs()) {
            out.add(new Problem("manifest", LogManifest.FILE_NAME + " stream " + s.name(), "records frames ["
                    + s.firstNs() + ", " + s.lastNs() + "] ns but the index has [" + first + ", " + last + "] ns"));
        }
    }

    private static void checkTimestamps(FrameStream<?> fs, StreamInfo s, List<Problem> out) {
        int n = fs.size();
        if (n < 2) {
            return;
        }
        long[] deltas = new long[n - 1];
        for (int i = 1; i < n; i++) {
            long d = fs.timestampNs(i) - fs.timestampNs(i - 1);
            deltas[i - 1] = d;
            if (d <= 0) {
                out.add(new Problem("timestamps", s.file() + " frame " + i, "timestamp " + fs.timestampNs(i)
                        + " ns is not after frame " + (i - 1) + " (" + fs.timestampNs(i - 1) + " ns)"));
            }
        }
        long nominal = nominalPeriod(deltas);
        if (nominal <= 0) {
            return;
        }
        for (int i = 0; i < deltas.length; i++) {
            if (deltas[i] > GAP_FACTOR * nominal) {
                out.add(new Problem("gap", s.file() + " frames " + i + "-" + (i + 1), String.format(
                        "gap of %.1f ms exceeds %.1f x the nominal period of %.1f ms", deltas[i] / 1e6, GAP_FACTOR,
                        nominal / 1e6)));
            }
        }
    }

    /** The {@value #NOMINAL_QUANTILE} quantile of the intervals (lower of the two around it). */
    static long nominalPeriod(long[] deltas) {
        long[] sorted = deltas.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(NOMINAL_QUANTILE * (sorted.length - 1))];
    }

    private static void checkCalibration(LogReader reader, List<Problem> out) {
        Set<String> calibrated = reader.calibrations().stream().map(c -> c.sensorId()).collect(Collectors.toSet());
        for (String id : reader.sensorIds()) {
            if (!calibrated.contains(id)) {
                out.add(new Problem("calibration", "calibration.arrow", "sensor '" + id
                        + "' has a stream but no calibration row"));
            }
        }
    }

    private static void checkAnnotationSpan(LogReader reader, LogManifest m, List<Problem> out) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (StreamInfo s : m.streams()) {
            if (s.kind().isSensor() && s.count() > 0) {
                lo = Math.min(lo, s.firstNs());
                hi = Math.max(hi, s.lastNs());
            }
        }
        if (lo > hi) {
            return;
        }
        for (StreamInfo s : m.streams()) {
            if (s.kind() != StreamKind.ANNOTATIONS_3D && s.kind() != StreamKind.ANNOTATIONS_2D) {
                continue;
            }
            FrameStream<?> fs = reader.stream(s);
            for (int i = 0; i < fs.size(); i++) {
                long t = fs.timestampNs(i);
                if (t < lo || t > hi) {
                    out.add(new Problem("annotation-span", s.file() + " frame " + i, "timestamp " + t
                            + " ns is outside the sensors' span [" + lo + ", " + hi + "] ns"));
                }
            }
        }
    }

    private static void checkPoints(FrameStream<LidarSweep> lidar, List<Problem> out) {
        for (int i = 0; i < lidar.size(); i++) {
            LidarSweep s = lidar.read(i);
            int bad = 0;
            int first = -1;
            for (int j = 0; j < s.size(); j++) {
                if (!Float.isFinite(s.x()[j]) || !Float.isFinite(s.y()[j]) || !Float.isFinite(s.z()[j])
                        || !Float.isFinite(s.intensity()[j])) {
                    if (bad++ == 0) {
                        first = j;
                    }
                }
            }
            if (bad > 0) {
                out.add(new Problem("non-finite", lidar.info().file() + " sweep " + i, bad
                        + " points with NaN or infinite values (first: point " + first + ")"));
            }
        }
    }

    private static void checkBoxes(FrameStream<AnnotationFrame<GroundTruth3d>> gt, List<Problem> out) {
        for (int i = 0; i < gt.size(); i++) {
            List<GroundTruth3d> boxes = gt.read(i).boxes();
            for (int j = 0; j < boxes.size(); j++) {
                GroundTruth3d a = boxes.get(j);
                Box3d b = a.box();
                boolean finite = b.centre().isFinite() && Double.isFinite(b.length()) && Double.isFinite(b.width())
                        && Double.isFinite(b.height()) && Double.isFinite(b.yaw())
                        && !Double.isInfinite(a.vx()) && !Double.isInfinite(a.vy());
                if (!finite) {
                    out.add(new Problem("non-finite", gt.info().file() + " frame " + i + " row " + j,
                            "box of track '" + a.trackId() + "' has NaN or infinite geometry"));
                }
            }
        }
    }
}
