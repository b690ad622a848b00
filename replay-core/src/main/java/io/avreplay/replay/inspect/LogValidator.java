package io.avreplay.replay.inspect;

import io.avreplay.error.CorruptLogException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a readable log for problems a consumer would trip on: file checksums, timestamps strictly
 * increasing per stream, gaps over {@value #GAP_FACTOR}× the stream's nominal period (its median
 * interval), sensors without calibration, ground truth outside the sensors' time span, and NaN or
 * infinite values in points or boxes (an unknown box velocity is NaN by convention and allowed).
 * Decodes every lidar sweep and annotation once. Stateless and thread-safe.
 */
public final class LogValidator {
    /** A gap is reported when an interval exceeds this multiple of the median interval. */
    public static final double GAP_FACTOR = 1.5;

    private LogValidator() {
    }

    /**
     * Validates an open log.
     *
     * @return every problem found; empty when the log is clean
     * @throws CorruptLogException when a file's checksum does not match the manifest (the data cannot be
     *                             trusted, so the log counts as unreadable)
     */
    public static List<Problem> validate(LogReader reader) {
        List<String> checksum = reader.verifyChecksums();
        if (!checksum.isEmpty()) {
            throw new CorruptLogException(checksum.get(0)
                    + (checksum.size() > 1 ? " (and " + (checksum.size() - 1) + " more files)" : ""));
        }
        List<Problem> problems = new ArrayList<>();
        LogManifest m = reader.manifest();
        for (StreamInfo s : m.streams()) {
            checkTimestamps(reader.stream(s), s, problems);
        }
        checkCalibration(reader, problems);
        checkAnnotationSpan(reader, m, problems);
        for (String lidar : reader.lidarIds()) {
            checkPoints(reader.lidar(lidar), problems);
        }
        reader.annotations3d().ifPresent(a -> checkBoxes(a, problems));
        return problems;
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
        long[] sorted = deltas.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        if (median <= 0) {
            return;
        }
        for (int i = 0; i < deltas.length; i++) {
            if (deltas[i] > GAP_FACTOR * median) {
                out.add(new Problem("gap", s.file() + " frames " + i + "-" + (i + 1), String.format(
                        "gap of %.1f ms exceeds %.1f x the nominal period of %.1f ms", deltas[i] / 1e6, GAP_FACTOR,
                        median / 1e6)));
            }
        }
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
