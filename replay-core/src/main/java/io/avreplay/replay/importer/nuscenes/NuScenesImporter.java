package io.avreplay.replay.importer.nuscenes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.importer.ImportCheck;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.importer.OutputSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Imports nuScenes into logs from either of two layouts. The official v1.0 JSON tables (a dataroot with
 * {@code v1.0-<version>/*.json}, {@code samples/} and {@code sweeps/}) give one log per scene: every
 * {@code LIDAR_TOP} sweep present (key frames and non-key sweeps), the six cameras, the ego pose of every
 * imported sample_data, and at each key-frame lidar timestamp the sample's boxes moved from the global frame
 * into the ego frame at that sample_data's ego pose (category = detection name from
 * {@link io.avreplay.replay.object.CategoryTable};
 * track id = {@code instance_token}; velocity as the devkit's {@code box_velocity}). The rest of this comment
 * describes the other layout.
 *
 * <p>Imports nuScenes samples from mmdetection3d info files into logs, one log per info file (a nuScenes
 * log/scene). Streams: lidar {@value #LIDAR} (sensor frame; x, y, z, intensity 0..255, ring), one
 * camera stream per channel ({@code CAM_FRONT}, …, JPEG as stored, at the camera's own timestamp), the
 * ego pose at each lidar timestamp ({@code ego2global}), 3D boxes moved from the LIDAR_TOP frame into
 * the ego frame ({@code lidar2ego}), with category names from {@code metainfo.categories} ({@code other}
 * for label −1), {@code num_lidar_pts} kept and velocity rotated into the ego frame, and the per-camera
 * 2D boxes of {@code cam_instances}. Timestamps are the microsecond times ×1000. The sample token of
 * each lidar timestamp is kept in the tag {@code nuscenes.sample_token.<ns>}; track ids are
 * {@code <sample token>-<instance index>}. Thread-safe (stateless).
 */
public final class NuScenesImporter {
    /** The top lidar's sensor id (the nuScenes channel name). */
    public static final String LIDAR = "LIDAR_TOP";
    /** Tag prefix of the sample token of a lidar timestamp. */
    public static final String SAMPLE_TOKEN_TAG = io.avreplay.replay.log.SampleToken.TAG_PREFIX;

    private NuScenesImporter() {
    }

    /**
     * Imports either layout. When {@code src} is a {@code v1.0-<version>} directory or holds exactly one, the
     * official v1.0 JSON tables are imported (dataroot = the version directory's parent, which holds the
     * {@code samples/} and {@code sweeps/} files {@code sample_data.filename} names), one log per scene named
     * after {@code scene.name}; otherwise {@code src} is an mmdetection3d info file or a directory of them.
     *
     * @param src a nuScenes dataroot, a {@code v1.0-*} directory, an info file, or a directory of info files
     * @param out the log when there is one scene (info file), else a directory receiving one log per scene (file)
     * @return the logs and the check comparing our point count inside each box with {@code num_lidar_pts}:
     *         satisfied when every box is within max(2 points, 10 %); exact matches are reported as passed. The
     *         tables import adds a check counting the sample_data files found (non-key sweeps may be absent)
     * @throws BadInputException naming file and JSON path or table record on malformed input (a token that points
     *         nowhere, a missing table, a point file whose size is not a multiple of 20 bytes, invalid JSON with
     *         line and column); nothing is left at {@code out}
     */
    public static ImportReport importDataset(Path src, Path out, BufferAllocator allocator, ImportOptions options) {
        Optional<Path> version = NuScenesTablesImport.versionDir(src);
        if (version.isPresent()) {
            return NuScenesTablesImport.importDataset(src, version.get(), out, allocator, options);
        }
        List<Path> infos = locate(src);
        OutputSet outputs = new OutputSet(out, infos.size(), options.write().overwrite());
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        int frames = 0;
        int boxes = 0;
        int checked = 0;
        PointCountCheck points = new PointCountCheck();
        try {
            for (Path info : infos) {
                JsonNode root;
                try {
                    root = mapper.readTree(info.toFile());
                } catch (IOException e) {
                    throw new BadInputException(info + ": not valid JSON: " + e.getMessage().split("\n")[0], e);
                }
                NuScenesInfoLog log = new NuScenesInfoLog(new InfoJson(info, root, "$"), points);
                Path dest = outputs.destination(log.logId());
                log.write(dest, allocator, options);
                outputs.committed(dest);
                frames += log.sensorFrames;
                boxes += log.boxes3d;
            }
            outputs.complete();
        } catch (RuntimeException e) {
            outputs.discard();
            throw e;
        }
        return new ImportReport("nuscenes", src, outputs.logs(), frames, boxes,
                List.of(new ImportCheck("num_lidar_pts", points.exact, points.checked, points.satisfied(), points.detail())));
    }

    private static List<Path> locate(Path src) {
        if (Files.isRegularFile(src)) {
            return List.of(src);
        }
        if (!Files.isDirectory(src)) {
            throw new BadInputException(src + ": no such file or directory");
        }
        try (Stream<Path> s = Files.list(src)) {
            List<Path> infos = s.filter(p -> p.getFileName().toString().endsWith(".info.json")).sorted().toList();
            if (infos.isEmpty()) {
                throw new BadInputException(src + ": no *.info.json (expected an mmdetection3d nuScenes info file)");
            }
            return infos;
        } catch (IOException e) {
            throw new BadInputException(src + ": cannot list: " + e.getMessage(), e);
        }
    }
}
