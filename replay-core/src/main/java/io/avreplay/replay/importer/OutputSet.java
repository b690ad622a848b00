package io.avreplay.replay.importer;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.files.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The logs one import writes. A single log goes to {@code out} itself; several go to
 * {@code out/<logId>}. When the import fails, {@link #discard()} removes every log already committed
 * (and {@code out} when this import created it), so a failed import leaves nothing behind.
 */
public final class OutputSet {
    private final Path out;
    private final boolean multiple;
    private final boolean createdOut;
    private final boolean overwrite;
    private final List<Path> written = new ArrayList<>();

    /**
     * @param out      the {@code --out} path
     * @param logCount how many logs the import will write
     * @param overwrite whether existing logs may be replaced
     * @throws InvalidConfigException when several logs are due and {@code out} is a file
     */
    public OutputSet(Path out, int logCount, boolean overwrite) {
        this.out = out.toAbsolutePath().normalize();
        this.multiple = logCount > 1;
        this.createdOut = multiple && !Files.exists(this.out);
        if (multiple && Files.isRegularFile(this.out)) {
            throw new InvalidConfigException(this.out + ": is a file; " + logCount + " logs need a directory");
        }
        this.overwrite = overwrite;
    }

    /**
     * @return where the log with this id goes
     * @throws InvalidConfigException when it exists and overwriting is off
     */
    public Path destination(String logId) {
        Path dest = multiple ? out.resolve(logId) : out;
        if (!overwrite && Files.exists(dest)) {
            throw new InvalidConfigException(dest + ": already exists (choose another --out or pass --overwrite)");
        }
        return dest;
    }

    /** Records a committed log. */
    public void committed(Path log) {
        written.add(log);
    }

    /** @return the logs committed so far, in order */
    public List<Path> logs() {
        return List.copyOf(written);
    }

    /** Deletes every committed log of this import and the output directory when this import created it. */
    public void discard() {
        for (Path p : written) {
            FileTrees.delete(p);
        }
        written.clear();
        if (createdOut) {
            FileTrees.delete(out);
        }
    }
}
