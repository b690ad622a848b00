package io.avreplay.cli;

import io.avreplay.replay.importer.ImportProgress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar on stderr, redrawn with carriage returns. Shown only when stderr is a
 * terminal (or when forced), so logs and pipes never see it.
 */
final class ProgressBar implements ImportProgress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private String lastStage = "";

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** When to draw progress. */
    enum Mode { AUTO, ALWAYS, NEVER }

    static ImportProgress forMode(Mode mode, PrintWriter err) {
        boolean show = switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> stderrIsTerminal();
        };
        return show ? new ProgressBar(err) : ImportProgress.NONE;
    }

    /** Linux: stderr is a terminal when file descriptor 2 points at a tty device. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void step(String stage, int done, int total) {
        if (!stage.equals(lastStage) && !lastStage.isEmpty()) {
            err.println();
        }
        lastStage = stage;
        int filled = total <= 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + stage + " " + done + "/" + total);
        if (done >= total) {
            err.println();
            lastStage = "";
        }
        err.flush();
    }
}
