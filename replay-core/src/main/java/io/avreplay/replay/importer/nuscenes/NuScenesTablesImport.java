package io.avreplay.replay.importer.nuscenes;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.importer.ImportCheck;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.importer.OutputSet;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.Sample;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.SampleData;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.Scene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;

/** Imports the nuScenes v1.0 JSON tables of a dataroot, one log per scene. Stateless. */
final class NuScenesTablesImport {
    private static final String VERSION_PREFIX = "v1.0-";

    private NuScenesTablesImport() {
    }

    /**
     * @return the {@code v1.0-*} directory when {@code src} is one or holds exactly one; empty when it holds none
     * @throws BadInputException when {@code src} holds several (the user must pick one)
     */
    static Optional<Path> versionDir(Path src) {
        if (!Files.isDirectory(src)) {
            return Optional.empty();
        }
        Path abs = src.toAbsolutePath().normalize();
        if (abs.getFileName() != null && abs.getFileName().toString().startsWith(VERSION_PREFIX)) {
            return Optional.of(abs);
        }
        try (Stream<Path> s = Files.list(abs)) {
            List<Path> found = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(VERSION_PREFIX))
                    .sorted().toList();
            if (found.size() > 1) {
                throw new BadInputException(src + ": holds several nuScenes versions (" + found.stream()
                        .map(p -> p.getFileName().toString()).toList() + "); pass one of them as SRC");
            }
            return found.stream().findFirst();
        } catch (IOException e) {
            throw new BadInputException(src + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** See {@link NuScenesImporter#importDataset}. */
    static ImportReport importDataset(Path src, Path versionDir, Path out, BufferAllocator allocator,
            ImportOptions options) {
        NuScenesTables tables = new NuScenesTables(versionDir);
        Map<String, List<SampleData>> byScene = groupByScene(tables);
        SampleBoxes boxes = new SampleBoxes(tables);
        Path dataroot = versionDir.getParent();
        List<NuScenesSceneLog> scenes = new ArrayList<>();
        for (Scene scene : tables.scenes.rows()) {
            scenes.add(new NuScenesSceneLog(tables, boxes, dataroot, scene, byScene.getOrDefault(scene.token(), List.of())));
        }
        if (scenes.isEmpty()) {
            throw new BadInputException(tables.scenes.file() + ": no scenes");
        }
        OutputSet outputs = new OutputSet(out, scenes.size(), options.write().overwrite());
        PointCountCheck check = new PointCountCheck();
        int frames = 0;
        int boxCount = 0;
        int listed = 0;
        int missing = 0;
        try {
            for (NuScenesSceneLog log : scenes) {
                Path dest = outputs.destination(log.logId());
                log.write(dest, allocator, options, check);
                outputs.committed(dest);
                frames += log.sensorFrames;
                boxCount += log.boxes3d;
                listed += log.listedFrames;
                missing += log.missingSweeps;
            }
            outputs.complete();
        } catch (RuntimeException e) {
            outputs.discard();
            throw e;
        }
        ImportCheck points = new ImportCheck("num_lidar_pts", check.exact, check.checked, check.satisfied(), check.detail());
        ImportCheck files = new ImportCheck("sample_data files", listed - missing, listed, true,
                "rule: every key frame's file present (LIDAR_TOP and cameras); " + missing
                        + " non-key sweeps without a file were skipped");
        return new ImportReport("nuscenes", src, outputs.logs(), frames, boxCount, List.of(points, files));
    }

    /** sample_data by the scene of its sample, in file order; dangling tokens are errors. */
    private static Map<String, List<SampleData>> groupByScene(NuScenesTables tables) {
        Map<String, List<SampleData>> out = new LinkedHashMap<>();
        for (SampleData sd : tables.sampleData.rows()) {
            Sample s = tables.samples.get(sd.sampleToken(), "sample_data", sd.token(), "sample_token");
            tables.scenes.get(s.sceneToken(), "sample", s.token(), "scene_token");
            out.computeIfAbsent(s.sceneToken(), k -> new ArrayList<>()).add(sd);
        }
        return out;
    }
}
