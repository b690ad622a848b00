package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.export.CameraVideoExport;
import io.avreplay.replay.export.CocoExport;
import io.avreplay.replay.export.KittiLabelExport;
import io.avreplay.replay.export.LogTablesExport;
import io.avreplay.replay.export.NuScenesSubmission;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
@Command(name = "export", description = "Export a log's ground truth or data to KITTI, nuScenes, COCO, Feather tables or MP4.",
        footer = ExitCodes.HELP_FOOTER,
        subcommands = {ExportCommand.Kitti.class, ExportCommand.NuScenes.class, ExportCommand.Coco.class,
            ExportCommand.Tables.class, ExportCommand.Video.class})
final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing format: kitti, nuscenes, coco, tables or video");
    }

    /** Options every exporter takes. */
    static final class Args {
        @Parameters(index = "0", paramLabel = "LOG", description = "The log to export.")
        Path log;

        @Option(names = "--out", required = true, paramLabel = "PATH", description = "The file or directory to write.")
        Path out;

        @Option(names = "--overwrite", description = "Replace an existing output.")
        boolean overwrite;

        void checkOut() {
            if (!overwrite && Files.exists(out)) {
                throw new InvalidConfigException(out + ": already exists (choose another --out or pass --overwrite)");
            }
        }
    }

    /** Runs an export against an open log and returns the line to print. */
    interface Body {
        String run(LogReader log, BufferAllocator allocator);
    }

    static int execute(CommandSpec spec, Args args, Body body) {
        args.checkOut();
        try (BufferAllocator allocator = Allocators.root(); LogReader log = LogReader.open(args.log, allocator)) {
            spec.commandLine().getOut().println(body.run(log, allocator));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    @Command(name = "kitti", description = "3D and 2D ground truth as a KITTI label_2 directory (one <frame>.txt per annotated frame).",
            mixinStandardHelpOptions = true, footer = ExitCodes.HELP_FOOTER)
    static final class Kitti implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Args args;
        @Option(names = "--label-camera", defaultValue = "image_0",
                description = "Camera whose frame the labels are in (default: ${DEFAULT-VALUE}, KITTI's rectified camera 0).")
        String labelCamera;
        @Option(names = "--image-camera", defaultValue = "image_2",
                description = "Camera of the 2D boxes (default: ${DEFAULT-VALUE}).")
        String imageCamera;

        @Override
        public Integer call() {
            return execute(spec, args, (log, a) -> "wrote " + KittiLabelExport.exportGroundTruth(log, labelCamera, imageCamera,
                    args.out) + " label files to " + args.out);
        }
    }

    @Command(name = "nuscenes", description = "3D ground truth as nuScenes JSON (global frame; classes mapped to the ten detection names, others left out; with num_pts and ego_poses, so eval nuscenes --gt reads it).",
            mixinStandardHelpOptions = true, footer = ExitCodes.HELP_FOOTER)
    static final class NuScenes implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Args args;

        @Override
        public Integer call() {
            return execute(spec, args, (log, a) -> {
                FrameStream<AnnotationFrame<GroundTruth3d>> gt = log.annotations3d().orElseThrow(() ->
                        new io.avreplay.error.BadInputException(args.log + ": log has no 3D ground truth to export"));
                List<NuScenesSubmission.Sample> samples = new ArrayList<>();
                int boxes = 0;
                for (int i = 0; i < gt.size(); i++) {
                    AnnotationFrame<GroundTruth3d> f = gt.read(i);
                    String token = NuScenesSubmission.sampleToken(log.manifest(), f.timestampNs());
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

    @Command(name = "coco", description = "2D ground truth of one camera as COCO instances JSON.",
            mixinStandardHelpOptions = true, footer = ExitCodes.HELP_FOOTER)
    static final class Coco implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Args args;
        @Option(names = "--camera", required = true, description = "The camera id.")
        String camera;

        @Override
        public Integer call() {
            return execute(spec, args, (log, a) -> "wrote " + CocoExport.writeInstances(log, camera, args.out)
                    + " annotations to " + args.out);
        }
    }

    @Command(name = "tables", description = "The log as flat Feather tables (points, boxes, boxes_2d, poses, calibration) "
            + "for pandas/polars; schema in docs/export-formats.md.", mixinStandardHelpOptions = true,
            footer = ExitCodes.HELP_FOOTER)
    static final class Tables implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Args args;

        @Override
        public Integer call() {
            return execute(spec, args, (log, a) -> {
                LogTablesExport.Counts c = LogTablesExport.export(log, args.out, a);
                return "wrote " + args.out + ": " + c.points() + " points, " + c.boxes() + " boxes, " + c.boxes2d()
                        + " 2D boxes, " + c.poses() + " poses, " + c.sensors() + " sensors";
            });
        }
    }

    @Command(name = "video", description = "One camera stream as an MP4 for a quick look.", mixinStandardHelpOptions = true,
            footer = ExitCodes.HELP_FOOTER)
    static final class Video implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Args args;
        @Option(names = "--camera", required = true, description = "The camera id.")
        String camera;
        @Option(names = "--fps", defaultValue = "10", description = "Frame rate of the video (default: ${DEFAULT-VALUE}).")
        double fps;

        @Override
        public Integer call() {
            if (!(fps > 0)) {
                throw new InvalidConfigException("--fps must be > 0, got " + fps);
            }
            return execute(spec, args, (log, a) -> "wrote " + CameraVideoExport.export(log, camera, fps, args.out)
                    + " frames to " + args.out);
        }
    }
}
