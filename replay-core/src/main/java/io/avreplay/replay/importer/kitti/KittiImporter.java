package io.avreplay.replay.importer.kitti;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.importer.ImportCheck;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.importer.OutputSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Imports a KITTI 3D object split into logs, one per run of consecutive frames that share a
 * calibration (the object benchmark's frames come from many drives, each with its own calibration).
 *
 * <p>Streams: lidar {@value #LIDAR} (ego frame, ring and offsets 0 — KITTI stores neither), camera
 * {@value #CAMERA} (PNG as stored), identity ego poses (the benchmark has no odometry), 3D boxes in
 * the ego frame and 2D boxes of {@value #CAMERA} with truncation and occlusion; DontCare regions are
 * kept as 2D boxes of category {@code dontcare} with an empty track id. Calibration: {@value #LIDAR}
 * (identity), {@value #CAMERA} ({@code P2}) and {@value #RECT_CAMERA} (the rectified camera-0 frame
 * of the labels, {@code P0}). Track ids are {@code <frame>-<line index>}.
 *
 * <p>Timestamps are synthesized at 10 Hz from the frame number: frame {@code 000042} is at
 * {@code 42 × 100 ms}. The benchmark's frames are independent snapshots, so these times only order
 * them. Thread-safe (stateless).
 */
public final class KittiImporter {
    /** Lidar sensor id. */
    public static final String LIDAR = "velodyne";
    /** Colour camera sensor id. */
    public static final String CAMERA = "image_2";
    /** Rectified camera-0 (label frame) sensor id; calibration only, no images. */
    public static final String RECT_CAMERA = "image_0";
    /** Synthesized frame period, ns (10 Hz). */
    public static final long FRAME_PERIOD_NS = 100_000_000L;
    /** The projection check's acceptance threshold. */
    public static final double MIN_IOU = 0.85;

    private KittiImporter() {
    }

    /**
     * Imports every frame under {@code src} (the split directory, or its parent holding {@code training/}).
     *
     * @param out       the log directory when all frames share a calibration, else a directory that
     *                  receives one log per run, named {@code kitti-<first>-<last>}
     * @param allocator parent allocator (the writers take children and release them)
     * @return the logs written and the projection check: every non-DontCare 3D box projected with the
     *         imported {@value #CAMERA} calibration overlaps its labelled 2D box with IoU ≥ {@value #MIN_IOU}
     * @throws BadInputException naming file and line on malformed input; nothing is left at {@code out}
     */
    public static ImportReport importDataset(Path src, Path out, BufferAllocator allocator, ImportOptions options) {
        KittiLayout layout = KittiLayout.locate(src);
        List<KittiSequence> runs = sequences(layout);
        OutputSet outputs = new OutputSet(out, runs.size(), options.write().overwrite());
        int frames = 0;
        int boxes = 0;
        int checked = 0;
        double minIou = Double.POSITIVE_INFINITY;
        List<String> failures = new ArrayList<>();
        try {
            for (KittiSequence run : runs) {
                Path dest = outputs.destination(run.logId());
                run.write(dest, allocator, options);
                outputs.committed(dest);
                frames += run.sensorFrames;
                boxes += run.boxes3d;
                checked += run.iouChecked;
                minIou = Math.min(minIou, run.minIou);
                failures.addAll(run.iouFailures);
            }
            outputs.complete();
        } catch (RuntimeException e) {
            outputs.discard();
            throw e;
        }
        String detail = String.format(Locale.ROOT, "rule: IoU >= %.2f for every non-DontCare object; min IoU %.3f", MIN_IOU,
                checked == 0 ? Double.NaN : minIou) + (failures.isEmpty() ? "" : "; below: " + String.join(", ", failures));
        ImportCheck check = new ImportCheck("projected 3D box vs 2D label", checked - failures.size(), checked,
                failures.isEmpty(), detail);
        return new ImportReport("kitti", src, outputs.logs(), frames, boxes, List.of(check));
    }

    /** Timestamp of a frame, ns: its number × {@link #FRAME_PERIOD_NS}. */
    public static long timestampOf(String frame) {
        return Long.parseLong(frame) * FRAME_PERIOD_NS;
    }

    private static List<KittiSequence> sequences(KittiLayout layout) {
        List<KittiSequence> runs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        KittiCalib currentCalib = null;
        long previous = Long.MIN_VALUE;
        for (String f : layout.frames()) {
            KittiCalib c = KittiCalib.parse(layout.calib(f));
            long n = Long.parseLong(f);
            if (currentCalib != null && (n != previous + 1 || !c.text().equals(currentCalib.text()))) {
                runs.add(new KittiSequence(layout, current, currentCalib));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                currentCalib = c;
            }
            current.add(f);
            previous = n;
        }
        runs.add(new KittiSequence(layout, current, currentCalib));
        return runs;
    }
}
