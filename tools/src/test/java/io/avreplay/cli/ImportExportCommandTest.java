package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.importer.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportCommandTest extends InProcessCli {
    @TempDir
    Path tmp;

    @Test
    void importsKittiAndPrintsWhatItVerified() {
        Path dest = tmp.resolve("kitti");
        int code = run("import", "kitti", RealData.sample("kitti-object-3frames").toString(), "--out", dest.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("2 log(s), 6 sensor frames, 6 3D boxes"), out.toString());
        assertTrue(out.toString().contains("check projected 3D box vs 2D label: 6/6 ok"), out.toString());
        assertEquals("", err.toString(), "no progress bar when stderr is not a terminal");
        assertTrue(Files.isRegularFile(dest.resolve("kitti-000001-000002/log.json")));
    }

    @Test
    void importsAv2AndNuScenes() {
        assertEquals(0, run("import", "av2", RealData.sample("av2-sensor-sample").toString(), "--out",
                tmp.resolve("av2").toString()), err.toString());
        assertTrue(out.toString().contains("check num_interior_pts: 209/209 ok"), out.toString());
        assertEquals(0, run("import", "nuscenes", RealData.sample("nuscenes-demo-sample").toString(), "--out",
                tmp.resolve("nus").toString(), "--compression", "lz4"), err.toString());
        assertTrue(out.toString().contains("check num_lidar_pts: "), out.toString());
    }

    @Test
    void exportsTablesInEachFormatWithNoHadoopClassAround() {
        // Parquet is written through parquet-java without Hadoop: the tools class path has none.
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.hadoop.conf.Configuration"));
        Path logs = tmp.resolve("kitti");
        assertEquals(0, run("import", "kitti", RealData.sample("kitti-object-3frames").toString(), "--out", logs.toString()));
        String log = logs.resolve("kitti-000001-000002").toString();
        for (String format : List.of("parquet", "arrow", "csv")) {
            assertEquals(0, run("export", "tables", log, "--format", format, "--out", tmp.resolve(format).toString()),
                    err.toString());
        }
        // KITTI frames 000001 and 000002: 120 268 + 126 891 = 247 159 points, 5 boxes.
        assertTrue(out.toString().contains("(parquet): 247159 points, 5 boxes"), out.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("parquet/calibration.parquet")));
        assertTrue(Files.isRegularFile(tmp.resolve("arrow/poses.feather")));
        assertTrue(Files.isRegularFile(tmp.resolve("csv/boxes_2d.csv")));
        assertEquals(2, run("export", "tables", log, "--format", "orc", "--out", tmp.resolve("orc").toString()));
    }

    @Test
    void exportsEveryFormatFromAnImportedLog() {
        Path logs = tmp.resolve("kitti");
        assertEquals(0, run("import", "kitti", RealData.sample("kitti-object-3frames").toString(), "--out", logs.toString()));
        String log = logs.resolve("kitti-000001-000002").toString();
        assertEquals(0, run("export", "kitti", log, "--out", tmp.resolve("label_2").toString()), err.toString());
        assertEquals(0, run("export", "coco", log, "--camera", "image_2", "--out", tmp.resolve("coco.json").toString()), err.toString());
        assertEquals(0, run("export", "nuscenes", log, "--out", tmp.resolve("sub.json").toString()), err.toString());
        assertEquals(0, run("export", "tables", log, "--out", tmp.resolve("tables").toString()), err.toString());
        assertEquals(0, run("export", "video", log, "--camera", "image_2", "--out", tmp.resolve("v.mp4").toString()), err.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("label_2/000002.txt")));
        assertTrue(Files.isRegularFile(tmp.resolve("tables/points.parquet")));
        assertTrue(out.toString().contains("wrote 2 frames ("), out.toString());
        assertEquals(2, run("export", "tables", log, "--out", tmp.resolve("tables").toString()));
        assertTrue(err.toString().contains("already exists"), err.toString());
    }

    @Test
    void aNuScenesTablesDirectoryWithATableMissingExitsWith3() throws IOException {
        Path version = Files.createDirectories(tmp.resolve("src/v1.0-mini"));
        Files.writeString(version.resolve("scene.json"), "[]");
        Path dest = tmp.resolve("out");
        assertEquals(3, run("import", "nuscenes", tmp.resolve("src").toString(), "--out", dest.toString()));
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("v1.0-mini/sample.json: missing table"), e);
        assertFalse(Files.exists(dest));
        assertEquals(List.of("src"), RealData.entries(tmp));
    }

    @Test
    void badInputExitsWith3AndOneLineNamingFileAndLine() throws IOException {
        Path src = RealData.copyTree(RealData.sample("kitti-object-3frames").resolve("training"), tmp.resolve("src"));
        Path label = src.resolve("label_2/000000.txt");
        String line = Files.readString(label).strip();
        Files.writeString(label, line.substring(0, line.lastIndexOf(' ')) + "\n");
        Path dest = tmp.resolve("out");
        assertEquals(3, run("import", "kitti", src.toString(), "--out", dest.toString()));
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("avreplay kitti: "), e);
        assertTrue(e.contains("label_2/000000.txt line 1: expected 15 fields (16 with a score), got 14"), e);
        assertFalse(Files.exists(dest));
        assertEquals(List.of("src"), RealData.entries(tmp));
    }

    @Test
    void anAv2FileWithAWrongColumnExitsWith3() throws IOException {
        Path src = RealData.copyTree(RealData.sample("av2-sensor-sample").resolve("logs/adcf7d18-0510-35b0-a2fa-b4cea13a6d76"),
                tmp.resolve("src"));
        // A lidar sweep in place of the poses: a valid Feather file without any pose column.
        Files.copy(src.resolve("sensors/lidar/315973157959879000.feather"),
                src.resolve("city_SE3_egovehicle.feather"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(3, run("import", "av2", src.toString(), "--out", tmp.resolve("out").toString()));
        assertTrue(err.toString().contains("city_SE3_egovehicle.feather: missing column 'timestamp_ns' (expected int64)"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
