package io.avreplay.cli;

import io.avreplay.replay.log.SampleToken;
import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.export.CocoExport;
import io.avreplay.replay.export.KittiLabelExport;
import io.avreplay.replay.export.LogTablesExport;
import io.avreplay.replay.export.McapExport;
import io.avreplay.replay.export.NuScenesSubmission;
import io.avreplay.replay.export.SceneBox;
import io.avreplay.replay.export.TablesFormat;
import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.files.OutputPublisher;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.overlay.LogOverlays;
import io.avreplay.scenario.overlay.Mark3d;
import io.avreplay.scenario.overlay.RunDetections;
import io.avreplay.scenario.render.OverlayVideo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay export kitti|nuscenes|coco|tables|video LOG --out PATH}: a log's ground truth and data out to other tools. */
@Command(name = "export", description = "Export a log's ground truth or data to KITTI, nuScenes, COCO, Parquet/Feather/CSV tables, MP4 or MCAP.",
        subcommands = {ExportCommand.Kitti.class, ExportCommand.NuScenes.class, ExportCommand.Coco.class,
            ExportCommand.Tables.class, ExportCommand.Video.class, ExportCommand.Mcap.class})
final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing format: kitti, nuscenes, coco, tables, video or mcap");
    }

    /** Options every exporter takes. */
    static final class Args {
        @Parameters(index = "0", paramLabel = "LOG", description = "The log to export.")
        Path log;

        @Option(names = "--out", required = true, paramLabel = "PATH", description = "The file or directory to write.")
        Path out;

        @Option(names = "--overwrite", description = "Replace an existing output.")
        boolean overwrite;

        @Mixin
        VerifyOption verify = new VerifyOption();

        void checkOut(OutputKind kind) {
            OutputPublisher.check(out, kind, overwrite);
        }
    }

    /** Runs an export against an open log and returns the line to print. */
    interface Body {
        String run(LogReader log, BufferAllocator allocator);
    }

    /** A single exported file (JSON, MP4): {@code --overwrite} replaces only a regular file. */
    static final OutputKind FILE = OutputKind.file("export");

    static int execute(CommandSpec spec, Args args, OutputKind kind, Body body) {
        args.checkOut(kind);
        try (BufferAllocator allocator = Allocators.root(); LogReader log = LogReader.open(args.log, allocator,
                args.verify.checksums())) {
            spec.commandLine().getOut().println(body.run(log, allocator));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** One format's subcommand: the command's spec and the shared {@link Args}. */
    abstract static class Format implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Args args;
    }

    @Command(name = "kitti", description = "3D and 2D ground truth as a KITTI label_2 directory (one <frame>.txt per annotated frame).")
    static final class Kitti extends Format {
        @Option(names = "--label-camera", defaultValue = "image_0",
                description = "Camera whose frame the labels are in (default: ${DEFAULT-VALUE}, KITTI's rectified camera 0).")
        String labelCamera;
        @Option(names = "--image-camera", defaultValue = "image_2",
                description = "Camera of the 2D boxes (default: ${DEFAULT-VALUE}).")
        String imageCamera;

        @Override
        public Integer call() {
            return execute(spec, args, KittiLabelExport.OUTPUT, (log, a) -> "wrote " + KittiLabelExport.exportGroundTruth(log, labelCamera, imageCamera,
                    args.out) + " label files to " + args.out);
        }
    }

    @Command(name = "nuscenes", description = "3D ground truth as nuScenes JSON (global frame; classes mapped to the ten detection names, others left out; with num_pts and ego_poses, so eval nuscenes --gt reads it).")
    static final class NuScenes extends Format {
        @Override
        public Integer call() {
            return execute(spec, args, FILE, (log, a) -> {
                FrameStream<AnnotationFrame<GroundTruth3d>> gt = log.annotations3d().orElseThrow(() ->
                        new io.avreplay.error.BadInputException(args.log + ": log has no 3D ground truth to export"));
                List<NuScenesSubmission.Sample> samples = new ArrayList<>();
                int boxes = 0;
                for (int i = 0; i < gt.size(); i++) {
                    AnnotationFrame<GroundTruth3d> f = gt.read(i);
                    String token = SampleToken.of(log.manifest(), f.timestampNs()).value();
                    samples.add(NuScenesSubmission.Sample.ofGroundTruth(token,
                            log.egoTrajectory().at(f.timestampNs()).egoToWorld(),
                            f.boxes().stream()
                                    .flatMap(b -> io.avreplay.replay.object.CategoryTable.standard().nuScenesClass(b.category()).stream()
                                            .map(b::withCategory))
                                    .toList()));
                    boxes += f.boxes().size();
                }
                NuScenesSubmission.write(samples, Map.of("use_lidar", true), args.out);
                return "wrote " + boxes + " boxes of " + samples.size() + " samples to " + args.out;
            });
        }
    }

    @Command(name = "coco", description = "2D ground truth of one camera as COCO instances JSON.")
    static final class Coco extends Format {
        @Option(names = "--camera", required = true, description = "The camera id.")
        String camera;

        @Override
        public Integer call() {
            return execute(spec, args, FILE, (log, a) -> "wrote " + CocoExport.writeInstances(log, camera, args.out)
                    + " annotations to " + args.out);
        }
    }

    @Command(name = "tables", description = "The log as flat tables (points, boxes, boxes_2d, poses, calibration) for "
            + "pandas, polars and DuckDB, one <table>.parquet|.feather|.csv each; schema in docs/export-formats.md.")
    static final class Tables extends Format {
        @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT",
                description = "parquet (ZSTD), arrow (uncompressed Feather v2) or csv (default: ${DEFAULT-VALUE}).")
        TablesFormat format;

        @Override
        public Integer call() {
            return execute(spec, args, LogTablesExport.OUTPUT, (log, a) -> {
                LogTablesExport.Counts c = LogTablesExport.export(log, args.out, format, a);
                return "wrote " + args.out + " (" + format.extension() + "): " + c.points() + " points, " + c.boxes()
                        + " boxes, " + c.boxes2d() + " 2D boxes, " + c.poses() + " poses, " + c.sensors() + " sensors";
            });
        }
    }

    @Command(name = "video", description = "A camera and the bird's-eye view side by side as an H.264 MP4 that browsers play "
            + "(with --run, detections against ground truth coloured by match status).")
    static final class Video extends Format {
        /** Highest frame rate accepted. */
        static final int MAX_FPS = 1000;
        @Option(names = "--camera", description = "The camera id (default: the log's first camera).")
        String camera;
        @Option(names = "--fps", description = "Frame rate of the video (default: the camera's own rate).")
        Double fps;
        @Option(names = "--run", paramLabel = "RESULTS", description = "A run's output directory (avreplay run --out).")
        Path run;
        @Option(names = "--min-score", defaultValue = "" + RunDetections.DEFAULT_MIN_SCORE,
                description = "Draw detections scoring at least this, matched among themselves (default: ${DEFAULT-VALUE}).")
        double minScore;

        @Override
        public Integer call() {
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new InvalidConfigException("--min-score must be in [0, 1], got " + minScore);
            }
            if (fps != null && !(fps > 0 && fps <= MAX_FPS)) {
                throw new InvalidConfigException("--fps must be > 0 and <= " + MAX_FPS + ", got " + fps);
            }
            try (ProgressReporter.Task progress = ProgressReporter.of(spec).task("frames")) {
                return execute(spec, args, FILE, (log, a) -> {
                String cam = camera != null ? camera : log.cameraIds().stream().findFirst().orElseThrow(() ->
                        new io.avreplay.error.BadInputException(args.log + ": log has no camera to export"));
                OverlayVideo.Written w = OverlayVideo.export(log, cam,
                        java.util.Optional.ofNullable(run).map(r -> RunDetections.read(r, a).withMinScore(minScore)),
                        fps == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(fps), args.out, progress);
                return String.format(java.util.Locale.ROOT, "wrote %d frames (%dx%d, %.3g fps, H.264) to %s", w.frames(),
                        w.width(), w.height(), w.fps(), args.out);
            });
            }
        }
    }

    @Command(name = "mcap", description = "The log as an MCAP file that Foxglove opens with no plugin: point clouds, images, "
            + "camera calibrations, /tf_static and /tf transforms and ground-truth boxes as Foxglove well-known schemas (JSON), "
            + "zstd chunks, message indexes and a summary. Topic layout in docs/export-formats.md.")
    static final class Mcap extends Format {
        @Option(names = "--run", paramLabel = "RESULTS", description = "A run's output directory (avreplay run --out): "
                + "its detections on /detections, coloured by match status against the ground truth.")
        Path run;
        @Option(names = "--min-score", defaultValue = "" + RunDetections.DEFAULT_MIN_SCORE,
                description = "Show detections scoring at least this (default: ${DEFAULT-VALUE}).")
        double minScore;

        @Override
        public Integer call() {
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new InvalidConfigException("--min-score must be in [0, 1], got " + minScore);
            }
            return execute(spec, args, FILE, (log, a) -> {
                Optional<McapExport.SweepBoxes> marks = Optional.ofNullable(run).map(r -> {
                    LogOverlays o = new LogOverlays(log, RunDetections.read(r, a).withMinScore(minScore), true);
                    return t -> sceneBoxes(o.marks3d(t));
                });
                McapExport.Counts c = McapExport.export(log, args.out, marks);
                return "wrote " + args.out + ": " + c.messages() + " messages on " + c.topics() + " topics";
            });
        }

        /** Detections and ground truth as coloured cubes: true positive, false positive, missed (colours of MatchStatus). */
        static List<SceneBox> sceneBoxes(List<Mark3d> marks) {
            List<SceneBox> out = new ArrayList<>();
            for (int i = 0; i < marks.size(); i++) {
                Mark3d m = marks.get(i);
                out.add(new SceneBox(m.status().key() + "-" + i, m.label(), m.box(), m.status().rgb()));
            }
            return out;
        }
    }
}
