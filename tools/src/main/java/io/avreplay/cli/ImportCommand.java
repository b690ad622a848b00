package io.avreplay.cli;

import io.avreplay.replay.arrow.Compression;
import io.avreplay.replay.arrow.WriteOptions;
import io.avreplay.replay.importer.ImportCheck;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.ImportProgress;
import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.importer.av2.Av2Importer;
import io.avreplay.replay.importer.kitti.KittiImporter;
import io.avreplay.replay.importer.mcap.McapImportResult;
import io.avreplay.replay.importer.mcap.McapImporter;
import io.avreplay.replay.importer.mcap.TopicMap;
import io.avreplay.replay.importer.nuscenes.NuScenesImporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay import kitti|av2|nuscenes SRC --out LOG}: brings a public dataset into logs. */
@Command(name = "import", description = "Import a public dataset (KITTI object, Argoverse 2 sensor, nuScenes) or a ROS 2 "
        + "recording (MCAP, rosbag2) into logs.",
        subcommands = {ImportCommand.Kitti.class, ImportCommand.Av2.class, ImportCommand.NuScenes.class, ImportCommand.Mcap.class})
final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing dataset: kitti, av2, nuscenes or mcap");
    }

    /** Options every importer takes. */
    static final class Args {
        @Parameters(index = "0", paramLabel = "SRC", description = "The dataset directory (or file) to import.")
        Path source;

        @Option(names = "--out", required = true, paramLabel = "LOG",
                description = "The log to write; a directory of logs when the source holds several.")
        Path out;

        @Option(names = "--overwrite", description = "Replace existing logs at --out.")
        boolean overwrite;

        @Option(names = "--compression", defaultValue = "none",
                description = "Arrow buffer compression of the written log: ${COMPLETION-CANDIDATES} "
                        + "(default: ${DEFAULT-VALUE}).")
        Compression compression;

        ImportOptions options(ImportProgress progress) {
            return new ImportOptions(WriteOptions.defaults().withCompression(compression).withOverwrite(overwrite),
                    progress);
        }
    }

    /** Runs one importer and prints its report. */
    interface Importer {
        ImportReport run(Path src, Path out, BufferAllocator allocator, ImportOptions options);
    }

    static int execute(CommandSpec spec, Args args, Importer importer) {
        PrintWriter out = spec.commandLine().getOut();
        ImportReport report;
        try (BufferAllocator allocator = Allocators.root();
             ProgressReporter.Task progress = ProgressReporter.of(spec).task("frames")) {
            report = importer.run(args.source, args.out, allocator, args.options(progress));
        }
        print(report, out);
        return report.allSatisfied() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static void print(ImportReport r, PrintWriter out) {
        out.println("imported " + r.dataset() + " " + r.source() + ": " + r.logs().size() + " log(s), " + r.frames()
                + " sensor frames, " + r.boxes3d() + " 3D boxes");
        for (Path log : r.logs()) {
            out.println("  log   " + log);
        }
        for (ImportCheck c : r.checks()) {
            out.println("  check " + c.summary());
        }
        out.flush();
    }

    /** One importer's subcommand: the shared {@link Args}, run through {@link #execute}. */
    abstract static class Dataset implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Args args;
        private final Importer importer;

        Dataset(Importer importer) {
            this.importer = importer;
        }

        @Override
        public Integer call() {
            return execute(spec, args, importer);
        }
    }

    @Command(name = "kitti", description = "KITTI 3D object split (calib, velodyne, image_2, label_2).")
    static final class Kitti extends Dataset {
        Kitti() {
            super(KittiImporter::importDataset);
        }
    }

    @Command(name = "av2", description = "Argoverse 2 sensor log directory (or a directory of logs).")
    static final class Av2 extends Dataset {
        Av2() {
            super(Av2Importer::importDataset);
        }
    }

    @Command(name = "nuscenes", description = "nuScenes: a dataroot holding v1.0-<version>/ JSON tables with samples/ "
            + "and sweeps/ (or the v1.0-<version> directory itself), one log per scene; or a directory holding "
            + "mmdet3d-style *.info.json with their .pcd.bin and JPEG files.")
    static final class NuScenes extends Dataset {
        NuScenes() {
            super(NuScenesImporter::importDataset);
        }
    }

    @Command(name = "mcap", description = "A ROS 2 recording: an .mcap file or a rosbag2 directory (metadata.yaml and its .mcap "
            + "files). Point clouds, images, CameraInfo, /tf_static extrinsics, /tf or odometry ego poses and "
            + "DetectedObjects/Detection3DArray ground truth; other topics are skipped and listed. A truncated or damaged "
            + "file is recovered (every complete message) with a warning line per loss on stderr; exit 3 when nothing "
            + "usable remains.")
    static final class Mcap implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Args args;

        @Option(names = "--topics", paramLabel = "MAP.yaml",
                description = "Topic map: ego_frame, world_frame, ground_truth and topics (topic: sensor id, or skip).")
        Path topics;

        @Override
        public Integer call() {
            TopicMap map = topics == null ? TopicMap.defaults() : TopicMap.read(topics);
            PrintWriter err = spec.commandLine().getErr();
            return execute(spec, args, (src, out, allocator, options) -> {
                McapImportResult r = McapImporter.importBag(src, out, map, allocator, options);
                r.warnings().forEach(w -> err.println("warning: " + w));
                err.flush();
                return r.report();
            });
        }
    }
}
