package io.avreplay.replay.play;

import io.avreplay.error.ChecksumMismatchException;
import io.avreplay.error.CorruptLogException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LidarPointsView;
import io.avreplay.replay.arrow.LidarStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.EgoTrajectory;
import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorFrame;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.replay.sync.CameraMatch;
import io.avreplay.replay.sync.FrameSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns scheduled steps into frames and frame sets with the readers it is given: verifies each
 * batch's checksum (when asked), decodes it, attaches ground truth and, for frame sets, the
 * interpolated ego pose. A corrupt frame either throws (naming file and batch) or, when skipping, is
 * reported as a {@link SkippedFrame}. Lidar sweeps are decoded into owned arrays, or lent as views of
 * the mapped log when asked. Used by one thread: the read-ahead thread, or the consumer when
 * there is no read-ahead.
 */
final class FrameDecoder {
    /** Bytes a decoded annotation is assumed to hold on the heap. */
    private static final long BYTES_PER_BOX = 160;
    private static final long BYTES_PER_FRAME = 256;

    private final List<LogReader> readers;
    private final boolean verify;
    private final boolean skipCorrupt;
    private final boolean groundTruth;
    private final boolean lendLidarPoints;
    private final Map<StreamSlot, FrameStream<?>> streams = new HashMap<>();
    private final Map<Integer, Optional<FrameStream<AnnotationFrame<GroundTruth3d>>>> gt3d = new HashMap<>();
    private final Map<StreamSlot, Optional<FrameStream<AnnotationFrame<GroundTruth2d>>>> gt2d = new HashMap<>();

    FrameDecoder(List<LogReader> readers, boolean verify, boolean skipCorrupt, boolean groundTruth,
            boolean lendLidarPoints) {
        this.readers = readers;
        this.lendLidarPoints = lendLidarPoints;
        this.verify = verify;
        this.skipCorrupt = skipCorrupt;
        this.groundTruth = groundTruth;
    }

    Decoded<ReplayFrame> frame(FrameStep step) {
        List<SkippedFrame> skips = new ArrayList<>();
        if (lendLidarPoints && step.slot().kind() == StreamKind.LIDAR
                && stream(step.slot()) instanceof LidarStream lidar) {
            return lentSweep(lidar, step, skips);
        }
        Optional<SensorFrame> frame = read(stream(step.slot()), step.ref(), skips).map(SensorFrame.class::cast);
        if (frame.isEmpty()) {
            return new Decoded<>(Optional.empty(), 0, skips);
        }
        List<GroundTruth3d> boxes3 = List.of();
        List<GroundTruth2d> boxes2 = List.of();
        if (step.slot().kind() == StreamKind.LIDAR) {
            boxes3 = groundTruth3d(step.slot().logIndex(), step.timestampNs(), skips);
        } else {
            boxes2 = groundTruth2d(step.slot(), step.timestampNs(), skips);
        }
        ReplayFrame out = new ReplayFrame(step.ref(), frame.get(), step.loop(), boxes3, boxes2);
        long bytes = bytesOf(frame.get()) + BYTES_PER_BOX * (boxes3.size() + boxes2.size());
        return new Decoded<>(Optional.of(out), bytes, skips);
    }

    private Decoded<ReplayFrame> lentSweep(LidarStream lidar, FrameStep step, List<SkippedFrame> skips) {
        Optional<LidarPointsView> read = read(step.ref(), skips, () -> lidar.readPoints(step.ref().index(), verify));
        if (read.isEmpty()) {
            return new Decoded<>(Optional.empty(), 0, skips);
        }
        LidarPointsView points = read.get();
        List<GroundTruth3d> boxes = groundTruth3d(step.slot().logIndex(), step.timestampNs(), skips);
        ReplayFrame out = ReplayFrame.ofLidarPoints(step.ref(), points, step.loop(), boxes);
        return new Decoded<>(Optional.of(out), BYTES_PER_FRAME + 21L * points.size() + BYTES_PER_BOX * boxes.size(),
                skips);
    }

    Decoded<FrameSet> frameSet(SetStep step) {
        List<SkippedFrame> skips = new ArrayList<>();
        FrameStep ref = step.reference();
        Optional<SensorFrame> frame = read(stream(ref.slot()), ref.ref(), skips).map(SensorFrame.class::cast);
        if (frame.isEmpty()) {
            return new Decoded<>(Optional.empty(), 0, skips);
        }
        long bytes = bytesOf(frame.get());
        List<CameraMatch> matches = new ArrayList<>();
        List<String> missing = new ArrayList<>(step.missing());
        for (FrameStep cam : step.cameras()) {
            Optional<CameraFrame> image = read(stream(cam.slot()), cam.ref(), skips).map(CameraFrame.class::cast);
            if (image.isEmpty()) {
                missing.add(cam.slot().sensorId());
                continue;
            }
            List<GroundTruth2d> boxes = groundTruth2d(cam.slot(), cam.timestampNs(), skips);
            matches.add(new CameraMatch(cam.ref(), image.get(), cam.timestampNs() - ref.timestampNs(), boxes));
            bytes += bytesOf(image.get()) + BYTES_PER_BOX * boxes.size();
        }
        missing.sort(null);
        EgoTrajectory ego = readers.get(ref.slot().logIndex()).egoTrajectory();
        List<GroundTruth3d> boxes3 = groundTruth3d(ref.slot().logIndex(), ref.timestampNs(), skips);
        FrameSet set = new FrameSet(ref.ref(), frame.get(), ref.loop(), matches, missing,
                ego.isEmpty() ? Optional.empty() : Optional.of(ego.at(ref.timestampNs())), boxes3);
        return new Decoded<>(Optional.of(set), bytes + BYTES_PER_BOX * boxes3.size(), skips);
    }

    /** Verifies (when asked) and decodes one frame; empty when it was corrupt and is skipped. */
    private Optional<Object> read(FrameStream<?> stream, FrameRef ref, List<SkippedFrame> skips) {
        return read(ref, skips, () -> verify ? stream.readVerified(ref.index()) : stream.read(ref.index()));
    }

    /** Runs one frame's reading; a corrupt frame throws, or is recorded in {@code skips} and gives empty. */
    private <T> Optional<T> read(FrameRef ref, List<SkippedFrame> skips, java.util.function.Supplier<T> reading) {
        try {
            return Optional.of(reading.get());
        } catch (ChecksumMismatchException e) {
            return skip(ref, SkipReason.CHECKSUM_MISMATCH, e, skips);
        } catch (CorruptLogException e) {
            return skip(ref, SkipReason.UNDECODABLE, e, skips);
        }
    }

    private <T> Optional<T> skip(FrameRef ref, SkipReason reason, CorruptLogException e, List<SkippedFrame> skips) {
        if (!skipCorrupt) {
            throw e;
        }
        skips.add(new SkippedFrame(ref, reason, e.getMessage()));
        return Optional.empty();
    }

    private List<GroundTruth3d> groundTruth3d(int logIndex, long timestampNs, List<SkippedFrame> skips) {
        if (!groundTruth) {
            return List.of();
        }
        Optional<FrameStream<AnnotationFrame<GroundTruth3d>>> s =
                gt3d.computeIfAbsent(logIndex, i -> readers.get(i).annotations3d());
        return s.isEmpty() ? List.of() : boxesAt(s.get(), readers.get(logIndex).manifest().logId(), timestampNs, skips);
    }

    private List<GroundTruth2d> groundTruth2d(StreamSlot camera, long timestampNs, List<SkippedFrame> skips) {
        if (!groundTruth) {
            return List.of();
        }
        Optional<FrameStream<AnnotationFrame<GroundTruth2d>>> s = gt2d.computeIfAbsent(camera,
                c -> readers.get(c.logIndex()).annotations2d(c.sensorId()));
        return s.isEmpty() ? List.of() : boxesAt(s.get(), camera.logId(), timestampNs, skips);
    }

    private <A> List<A> boxesAt(FrameStream<AnnotationFrame<A>> s, String logId, long timestampNs,
            List<SkippedFrame> skips) {
        int i = s.ceilIndex(timestampNs);
        if (i >= s.size() || s.timestampNs(i) != timestampNs) {
            return List.of();
        }
        FrameRef ref = new FrameRef(logId, s.info().kind(), s.info().sensor(), i, timestampNs);
        return read(s, ref, skips).map(f -> {
            @SuppressWarnings("unchecked")
            AnnotationFrame<A> frame = (AnnotationFrame<A>) f;
            return frame.boxes();
        }).orElse(List.of());
    }

    private FrameStream<?> stream(StreamSlot slot) {
        return streams.computeIfAbsent(slot, s -> {
            LogReader r = readers.get(s.logIndex());
            return r.stream(r.manifest().stream(s.kind(), s.sensorId()).orElseThrow());
        });
    }

    /** Estimated heap bytes of a decoded frame: its arrays plus a fixed overhead. */
    static long bytesOf(SensorFrame f) {
        if (f instanceof LidarSweep s) {
            return BYTES_PER_FRAME + 21L * s.size();
        }
        return BYTES_PER_FRAME + ((CameraFrame) f).data().length;
    }
}
