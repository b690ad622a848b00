package io.avreplay.scenario.view;

import io.avreplay.replay.arrow.LogReader;
import io.avreplay.scenario.overlay.LogOverlays;
import io.avreplay.scenario.overlay.RunDetections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The entry point of the browser viewer: reads a log once (with a run's detections and scenario windows
 * when given) and either serves the page or writes it as one self-contained HTML file. Stateless and
 * thread-safe; the log is closed by the caller.
 */
public final class LogView {
    /** Points kept per sweep by default: enough to see the scene, small enough for a CI artifact. */
    public static final int DEFAULT_MAX_POINTS = 6000;

    private LogView() {
    }

    /**
     * Builds the page's data and starts serving it on 127.0.0.1.
     *
     * @param log       an open log (only read during this call)
     * @param run       a run's detections, or empty to show ground truth alone
     * @param windows   scenario windows on this log (possibly none)
     * @param maxPoints points kept per sweep at most, positive
     * @param port      TCP port, 0 for any free one
     * @return the running server; the caller closes it
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static ViewServer serve(LogReader log, Optional<RunDetections> run, List<ScenarioWindow> windows,
            int maxPoints, int port) {
        return new ViewServer(model(log, run, windows, maxPoints), port);
    }

    /**
     * Writes the page with its data and images inlined (opens offline), to a temporary file renamed into place.
     *
     * @param out the HTML file (replaced if present; the caller checks overwriting)
     * @return the file's size, bytes
     */
    public static long writeStatic(LogReader log, Optional<RunDetections> run, List<ScenarioWindow> windows,
            int maxPoints, Path out) {
        byte[] html = ViewPage.standalone(model(log, run, windows, maxPoints)).getBytes(StandardCharsets.UTF_8);
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Files.write(tmp, html);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return html.length;
    }

    private static ViewModel model(LogReader log, Optional<RunDetections> run, List<ScenarioWindow> windows,
            int maxPoints) {
        if (maxPoints <= 0) {
            throw new IllegalArgumentException("maxPoints must be positive, got " + maxPoints);
        }
        LogOverlays overlays = new LogOverlays(log, run.orElse(RunDetections.none()), run.isPresent());
        return ViewModel.build(log, overlays, windows, maxPoints);
    }
}
