package io.avreplay.replay.bench;

import io.avreplay.replay.files.FileTrees;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.mcap.McapImporter;
import io.avreplay.replay.importer.mcap.TopicMap;
import io.avreplay.replay.mcap.McapChannel;
import io.avreplay.replay.mcap.McapMessage;
import io.avreplay.replay.mcap.McapReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Imports an MCAP file repeatedly and compares the import throughput (bag bytes per second, decode and
 * log write included) with two baselines measured in the same run: raw reads of the file's bytes with a
 * {@link FileChannel} (page cache warm) and a {@link McapReader} pass that delivers every message
 * without decoding it. Each pass is repeated and the best is kept.
 */
public final class McapImportBenchmark {
    /**
     * @param bagBytes         size of the file, bytes
     * @param messages         messages in it
     * @param rawReadMBps      FileChannel read, MB/s
     * @param scanMBps         McapReader pass (chunks decompressed and CRC-checked, no decoding), MB/s
     * @param importMBps       full import into a log, MB/s of bag bytes
     * @param ratio            importMBps / rawReadMBps
     */
    public record Result(long bagBytes, long messages, double rawReadMBps, double scanMBps, double importMBps, double ratio) {
    }

    private McapImportBenchmark() {
    }

    /** Runs the three passes {@code repeats} times each; {@code work} receives (and loses) the imported logs. */
    public static Result run(Path bag, Path work, int repeats, BufferAllocator allocator, Consumer<String> progress) {
        long bytes;
        try {
            bytes = Files.size(bag);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + bag, e);
        }
        double raw = 0;
        double scan = 0;
        double imp = 0;
        long[] messages = new long[1];
        for (int i = 0; i < repeats; i++) {
            raw = Math.max(raw, mbps(bytes, () -> rawRead(bag)));
            scan = Math.max(scan, mbps(bytes, () -> messages[0] = McapReader.read(bag, McapImportBenchmark::ignore).messages()));
            Path out = work.resolve("import-" + i);
            imp = Math.max(imp, mbps(bytes, () -> McapImporter.importBag(bag, out, TopicMap.defaults(), allocator,
                    ImportOptions.defaults())));
            FileTrees.delete(out);
            progress.accept(String.format(java.util.Locale.ROOT, "pass %d: raw %.0f MB/s, scan %.0f MB/s, import %.0f MB/s",
                    i + 1, raw, scan, imp));
        }
        return new Result(bytes, messages[0], raw, scan, imp, imp / raw);
    }

    private static void ignore(McapMessage m, McapChannel c) {
        // the scan baseline only delivers
    }

    private static double mbps(long bytes, Runnable pass) {
        long t0 = System.nanoTime();
        pass.run();
        return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    private static void rawRead(Path f) {
        ByteBuffer buf = ByteBuffer.allocateDirect(8 << 20);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
