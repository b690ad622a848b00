package io.avreplay.cli;

import io.avreplay.replay.importer.ImportProgress;
import io.avreplay.replay.progress.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one progress mechanism of the CLI: a {@code me.tongfei.progressbar} bar (done/total, rate, ETA)
 * on stderr, one per stage of the work, drawn only when stderr is a terminal (or {@code --progress
 * always}); otherwise nothing at all is written, so pipes and logs never see it. Never writes to stdout.
 * Obtained per command through {@link #of(CommandSpec)}; not thread-safe (one working thread reports).
 */
final class ProgressReporter {
    /** When to draw progress ({@code --progress}). */
    enum Mode { auto, always, never }

    private static final int WIDTH = 100;
    private final PrintWriter err;
    private final boolean enabled;

    ProgressReporter(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** The reporter of the command {@code spec} belongs to, as the root decided for this invocation. */
    static ProgressReporter of(CommandSpec spec) {
        AvreplayCli root = (AvreplayCli) spec.root().userObject();
        boolean show = switch (root.global.progress) {
            case always -> true;
            case never -> false;
            case auto -> root.stderrIsTerminal;
        };
        return new ProgressReporter(spec.commandLine().getErr(), show);
    }

    /** Linux: stderr is a terminal when file descriptor 2 points at a tty device; elsewhere, a console. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /**
     * Starts a task whose stages each get a bar.
     *
     * @param unit what is counted, e.g. {@code frames}
     * @return the listener to hand to the library; close it when the work ends
     */
    Task task(String unit) {
        return new Task(unit);
    }

    /** Progress of one command's work: a listener for the libraries, closed when done. */
    final class Task implements ProgressListener, ImportProgress, AutoCloseable {
        private final String unit;
        private ProgressBar bar;
        private String stage = "";

        private Task(String unit) {
            this.unit = unit;
        }

        @Override
        public void step(String stageName, long done, long total) {
            if (!enabled) {
                return;
            }
            if (bar == null || !stage.equals(stageName)) {
                close();
                stage = stageName;
                bar = new ProgressBarBuilder().setTaskName(stageName).setInitialMax(Math.max(total, 0))
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).showSpeed()
                        .setUpdateIntervalMillis(200).setConsumer(new StderrConsumer(err)).build();
            }
            if (total > 0 && total != bar.getMax()) {
                bar.maxHint(total);
            }
            bar.stepTo(done);
            if (total > 0 && done >= total) {
                close(); // the final state stays on screen; the next stage starts a new line
            }
        }

        @Override
        public void step(String stageName, int done, int total) {
            step(stageName, (long) done, (long) total);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }

    /** Draws on the command's stderr, redrawing one line with carriage returns. */
    private record StderrConsumer(PrintWriter err) implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String rendered) {
            err.print('\r' + rendered);
            err.flush();
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }
}
