package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.scenario.overlay.RunDetections;
import io.avreplay.scenario.view.LogView;
import io.avreplay.scenario.view.ScenarioWindow;
import io.avreplay.scenario.view.ViewServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay view}: the log (and a run's results) in the browser, served locally or as one HTML file. */
@Command(name = "view",
        description = {"Show a log in the browser: timeline, cameras, bird's-eye view of the points, boxes coloured "
                + "true positive / false positive / missed (with --run), per-frame counts and scenario windows.",
            "Serves http://127.0.0.1:PORT/ until interrupted (loopback only), or with --static writes one "
                + "self-contained HTML file. Open at an instant with #t=12.5s."})
final class ViewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "Log directory.")
    Path log;

    @Option(names = "--min-score", defaultValue = "" + RunDetections.DEFAULT_MIN_SCORE,
            description = "Draw detections scoring at least this, matched among themselves (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Option(names = "--run", paramLabel = "RESULTS", description = "A run's output directory (avreplay run --out).")
    Path run;

    @Option(names = "--catalog", paramLabel = "DIR", description = "Scenario catalogue: show the windows on this log.")
    Path catalog;

    @Option(names = "--port", defaultValue = "8765", description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free).")
    int port;

    @Option(names = "--static", paramLabel = "OUT.html", description = "Write one self-contained HTML file instead of serving.")
    Path staticOut;

    @Option(names = "--overwrite", description = "Replace an existing --static file.")
    boolean overwrite;

    @Option(names = "--max-points", defaultValue = "" + LogView.DEFAULT_MAX_POINTS,
            description = "Lidar points kept per sweep (default: ${DEFAULT-VALUE}).")
    int maxPoints;

    @Override
    public Integer call() throws InterruptedException {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new InvalidConfigException("--min-score must be in [0, 1], got " + minScore);
        }
        if (port < 0 || port > 65535) {
            throw new InvalidConfigException("--port must be in 0..65535, got " + port);
        }
        if (maxPoints <= 0) {
            throw new InvalidConfigException("--max-points must be positive, got " + maxPoints);
        }
        if (staticOut != null && !overwrite && Files.exists(staticOut)) {
            throw new InvalidConfigException(staticOut + ": already exists (choose another --static or pass --overwrite)");
        }
        PrintWriter o = spec.commandLine().getOut();
        ViewServer server;
        try (RootAllocator allocator = Allocators.root(); LogReader reader = LogReader.open(log, allocator)) {
            Optional<RunDetections> detections = Optional.ofNullable(run)
                    .map(r -> RunDetections.read(r, allocator).withMinScore(minScore));
            List<ScenarioWindow> windows = catalog == null ? List.of()
                    : ScenarioWindow.of(ScenariosCommand.reader().read(catalog), log, reader.manifest().startNs());
            if (staticOut != null) {
                long bytes = LogView.writeStatic(reader, detections, windows, maxPoints, staticOut);
                o.printf("wrote %s (%.1f MB, self-contained)%n", staticOut, bytes / 1e6);
                o.flush();
                return ExitCodes.OK;
            }
            // the page's data is built here, in memory; the log is not read again while serving
            server = LogView.serve(reader, detections, windows, maxPoints, port);
        }
        try (server) {
            o.println("viewer at " + server.uri() + " (127.0.0.1 only; Ctrl-C to stop)");
            o.flush();
            new CountDownLatch(1).await();
        }
        return ExitCodes.OK;
    }
}
