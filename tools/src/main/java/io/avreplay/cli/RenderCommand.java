package io.avreplay.cli;

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
@Command(name = "render", description = "Write <camera>.png (frame with 2D boxes) per camera and bev.png (lidar sweep from above with 3D boxes).")
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "Log directory.")
    Path log;

    @Option(names = "--at", defaultValue = "0s", converter = DurationConverter.class,
            description = "Instant after the log start, e.g. 2s (default: ${DEFAULT-VALUE}).")
    long atNs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the PNG files.")
    Path out;

    @picocli.CommandLine.Mixin
    VerifyOption verify = new VerifyOption();

    @Option(names = "--overwrite", description = "Replace an earlier render at --out.")
    boolean overwrite;

    @Override
    public Integer call() {
        List<Path> files;
        try (RootAllocator allocator = Allocators.root()) {
            files = LogRenderer.render(log, atNs, out, overwrite, allocator, verify.checksums());
        }
        PrintWriter o = spec.commandLine().getOut();
        for (Path f : files) {
            o.println(f);
        }
        o.flush();
        return ExitCodes.OK;
    }
}
