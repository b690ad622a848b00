package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.scenario.overlay.RunDetections;
import io.avreplay.scenario.render.LogRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay render}: pictures of one instant of a log with its ground truth drawn on them. */
@Command(name = "render", description = "Write <camera>.png (frame with 2D boxes) per camera and bev.png (lidar sweep from above with 3D boxes); "
                + "with --run, detections against ground truth coloured by match status.")
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "Log directory.")
    Path log;

    @Option(names = "--at", defaultValue = "0s", converter = DurationConverter.class,
            description = "Instant after the log start, e.g. 2s (default: ${DEFAULT-VALUE}).")
    long atNs;

    @Option(names = "--min-score", defaultValue = "" + RunDetections.DEFAULT_MIN_SCORE,
            description = "Draw detections scoring at least this, matched among themselves (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Option(names = "--run", paramLabel = "RESULTS",
            description = "A run's output directory (avreplay run --out): draw its detections against the ground truth, "
                    + "coloured true positive / false positive / missed.")
    Path run;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the PNG files.")
    Path out;

    @picocli.CommandLine.Mixin
    VerifyOption verify = new VerifyOption();

    @Option(names = "--overwrite", description = "Replace an earlier render at --out.")
    boolean overwrite;

    @Override
    public Integer call() {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new InvalidConfigException("--min-score must be in [0, 1], got " + minScore);
        }
        List<Path> files;
        try (RootAllocator allocator = Allocators.root()) {
            files = LogRenderer.render(log, atNs, out, overwrite, allocator, verify.checksums(),
                    java.util.Optional.ofNullable(run).map(r -> RunDetections.read(r, allocator).withMinScore(minScore)));
        }
        PrintWriter o = spec.commandLine().getOut();
        for (Path f : files) {
            o.println(f);
        }
        o.flush();
        return ExitCodes.OK;
    }
}
