package io.avreplay.replay.importer.mcap;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.importer.ImportCheck;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.importer.OutputSet;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.mcap.McapLoss;
import io.avreplay.replay.mcap.McapReadResult;
import io.avreplay.replay.mcap.McapReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Imports a ROS 2 recording (a {@code .mcap} file, or a rosbag2 directory with {@code metadata.yaml}
 * and its {@code .mcap} files) into one log. Streams: one lidar per {@code PointCloud2} topic (points in
 * the cloud's frame), one camera per image topic that has a {@code CameraInfo} (JPEG/PNG as recorded, raw
 * images encoded to PNG), ego poses from {@code /tf} or {@code nav_msgs/Odometry}, 3D ground truth from
 * one object topic (ego frame). Timestamps are the message header stamps (the log time when a stamp is
 * zero). Unknown topics are skipped and listed.
 *
 * <p>Damage: the reader recovers every complete message of a truncated or damaged file; the losses come
 * back in {@link McapImportResult#losses()} with a warning line each. Thread-safe (no shared state); each
 * import writes its sensor frames on one extra thread of its own ({@link FrameWriteQueue}), stopped before it returns.
 */
public final class McapImporter {
    private McapImporter() {
    }

    /**
     * Imports with the default topic map (the shape {@code ImportCommand} expects).
     *
     * @see #importBag(Path, Path, TopicMap, BufferAllocator, ImportOptions)
     */
    public static ImportReport importDataset(Path src, Path out, BufferAllocator allocator, ImportOptions options) {
        return importBag(src, out, TopicMap.defaults(), allocator, options).report();
    }

    /**
     * @param src the {@code .mcap} file or rosbag2 directory
     * @param out the log directory to write
     * @return the report, the losses and the warnings
     * @throws BadInputException when no file is an MCAP file, or nothing usable (no sensor frame and no
     *                           pose) remains; nothing is left at {@code out}
     */
    public static McapImportResult importBag(Path src, Path out, TopicMap map, BufferAllocator allocator,
            ImportOptions options) {
        BagSource source = BagSource.locate(src);
        String logId = logId(src);
        OutputSet outputs = new OutputSet(out, 1, options.write().overwrite());
        Path dest = outputs.destination(logId);
        List<McapLoss> losses = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        BagImport bag;
        BagFinish finish;
        Map<String, String> tags = Map.of("source", "mcap", "mcap.files", String.valueOf(source.files().size()));
        try (LogWriter w = LogWriter.create(dest, new LogMetadata(logId, "unknown", "unknown", tags), allocator,
                options.write()); FrameWriteQueue frames = new FrameWriteQueue(w)) {
            bag = new BagImport(frames, map);
            int i = 0;
            for (Path f : source.files()) {
                bag.beginFile(f);
                McapReadResult r = McapReader.read(f, bag);
                losses.addAll(r.losses());
                options.progress().step(logId, ++i, source.files().size());
            }
            frames.drain();
            finish = new BagFinish(bag, w);
            finish.run();
            if (bag.frames == 0 && bag.poses.poses().isEmpty()) {
                throw new BadInputException(src + ": nothing usable: no sensor frame and no pose in "
                        + bag.readByTopic.values().stream().mapToLong(Long::longValue).sum() + " messages read"
                        + (losses.isEmpty() ? "" : "; " + losses.get(0).summary()) + "; skipped topics: " + bag.skipped.keySet());
            }
            w.commit();
            outputs.committed(dest);
        }
        losses.forEach(l -> warnings.add("recovered: " + l.summary()));
        warnings.addAll(countWarnings(source, bag));
        warnings.addAll(bag.warnings());
        warnings.addAll(finish.warnings);
        List<ImportCheck> checks = List.of(topicsCheck(bag), new ImportCheck("ego pose source", 1, 1, true,
                bag.poses.source()));
        ImportReport report = new ImportReport("mcap", src, outputs.logs(), bag.frames, finish.boxes, checks);
        return new McapImportResult(report, losses, warnings);
    }

    private static ImportCheck topicsCheck(BagImport bag) {
        int total = bag.readByTopic.size();
        int mapped = total - (int) bag.readByTopic.keySet().stream().filter(bag.skipped::containsKey).count();
        return new ImportCheck("topics imported", mapped, total, true, "rule: every topic of a known type is imported; "
                + "imported " + bag.importedByTopic + (bag.skipped.isEmpty() ? "" : "; skipped " + bag.skipped.keySet()));
    }

    /** Topics whose message count falls short of what {@code metadata.yaml} recorded. */
    private static List<String> countWarnings(BagSource source, BagImport bag) {
        Map<String, Long> missing = new TreeMap<>();
        source.expectedCounts().forEach((topic, n) -> {
            long got = bag.readByTopic.getOrDefault(topic, 0L);
            if (got < n) {
                missing.put(topic, n - got);
            }
        });
        return missing.isEmpty() ? List.of() : List.of("messages recorded in metadata.yaml but not readable: " + missing);
    }

    private static String logId(Path src) {
        String name = src.toAbsolutePath().normalize().getFileName().toString();
        if (name.endsWith(".mcap")) {
            name = name.substring(0, name.length() - 5);
        }
        String id = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return id.isEmpty() ? "mcap" : id;
    }
}
