package io.avreplay.replay.bench;

import io.avreplay.replay.arrow.Compression;
import io.avreplay.replay.arrow.WriteOptions;
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
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Imports an MCAP file repeatedly and compares the import throughput (bag bytes per second, decode and
 * log write included) with two baselines measured in the same run, in the same rounds: a raw read of the
 * bag's bytes ({@link FileChannel} into one reused 256 KiB direct buffer, page cache warm) and a raw copy
 * (the same read, each buffer also written to a new file in the work directory, which is then deleted, as
 * each imported log is). An import reads the bag and writes a log of a similar size, so the raw copy is
 * the physical bound to compare with; the raw read is the yardstick. A third baseline reads the bag
 * from the storage device itself, bypassing the page cache ({@code O_DIRECT}): the speed at which a bag that
 * is not cached (a recording just copied in) can be read at all. Also timed: a
 * {@link McapReader} pass that delivers every message without decoding it, imports into ZSTD- and
 * LZ4-compressed logs, and a plain write of as many bytes as the import's log into a new file (256 KiB writes, then
 * deleted): the import's floor, as no import can be faster than writing its log, whatever its reading and decoding
 * cost. Each kind of pass runs once per round, {@code rounds} rounds; the best of each is kept.
 * The CPU time of the process (every thread, user and system) is recorded for the raw passes and the
 * import: on a loaded machine it varies less than the wall clock. Each round's progress line also gives its
 * import's CPU time on the reading (calling) thread; the rest is the log writer's thread, GC and JIT.
 */
public final class McapImportBenchmark {
    /**
     * The raw passes' buffer: 256 KiB, the fastest size measured for a page-cache read on this machine
     * (best of 7, two runs: 64 KiB 5.6–6.2 GB/s, 256 KiB 6.2–6.6, 1 MiB 2.1–6.5, 8 MiB 2.0; it fits the
     * core's 512 KiB L2 cache); a buffer larger than the caches makes the baseline, not the import, slow.
     */
    private static final int BUFFER = 256 << 10;

    /**
     * @param bagBytes       size of the bag, bytes
     * @param messages       messages in it
     * @param logBytes       size of the uncompressed log one import writes, bytes
     * @param rawReadMBps    raw read of the bag, MB/s
     * @param diskReadMBps   raw read of the bag from the device, bypassing the page cache ({@code O_DIRECT}), MB/s;
     *                       NaN where the file system refuses direct I/O (e.g. tmpfs)
     * @param rawCopyMBps    raw copy of the bag to a new file, MB/s of bag bytes
     * @param scanMBps       McapReader pass (chunks read and CRC-checked, no decoding), MB/s
     * @param importMBps     import into an uncompressed log (the CLI's default), MB/s of bag bytes
     * @param importZstdMBps the same into a ZSTD-compressed log
     * @param importLz4MBps  the same into an LZ4-compressed log
     * @param logWriteMBps   a plain write of the uncompressed log's bytes into a new file, MB/s of log bytes
     * @param readRatio      importMBps / rawReadMBps
     * @param copyRatio      importMBps / rawCopyMBps
     * @param diskRatio      importMBps / diskReadMBps
     * @param rawReadCpuMs   the least CPU time (all threads of the process, user and system) of a raw read, ms
     * @param rawCopyCpuMs   the same for a raw copy
     * @param importCpuMs    the same for an import into an uncompressed log
     */
    public record Result(long bagBytes, long messages, long logBytes, double rawReadMBps, double diskReadMBps,
            double rawCopyMBps, double scanMBps, double importMBps, double importZstdMBps, double importLz4MBps,
            double logWriteMBps, double readRatio, double copyRatio, double diskRatio, double rawReadCpuMs, double rawCopyCpuMs,
            double importCpuMs) {
        /** @return the fastest an import could be if reading and decoding cost nothing: the log write's speed, in MB/s of bag bytes */
        public double writeBoundMBps() {
            return logBytes == 0 ? Double.NaN : logWriteMBps * bagBytes / logBytes;
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private McapImportBenchmark() {
    }

    /** Runs {@code rounds} rounds of every pass; {@code work} receives (and loses) the copies and imported logs. */
    public static Result run(Path bag, Path work, int rounds, BufferAllocator allocator, Consumer<String> progress) {
        long bytes = size(bag);
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        double raw = 0;
        double disk = 0;
        double copy = 0;
        double scan = 0;
        double imp = 0;
        double zstd = 0;
        double lz4 = 0;
        double logWrite = 0;
        long[] messages = new long[1];
        long logBytes = 0;
        double[] cpu = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < rounds; i++) {
            long c0 = OS.getProcessCpuTime();
            raw = Math.max(raw, mbps(bytes, () -> rawRead(bag, buffer)));
            long c1 = OS.getProcessCpuTime();
            disk = Math.max(disk, directRead(bag, bytes));
            Path copyFile = work.resolve("copy-" + i);
            copy = Math.max(copy, mbps(bytes, () -> rawCopy(bag, copyFile, buffer)));
            long c2 = OS.getProcessCpuTime();
            FileTrees.delete(copyFile);
            scan = Math.max(scan, mbps(bytes, () -> messages[0] = McapReader.read(bag, McapImportBenchmark::ignore).messages()));
            Path out = work.resolve("import-" + i);
            long c3 = OS.getProcessCpuTime();
            long t3 = THREADS.getCurrentThreadCpuTime();
            imp = Math.max(imp, mbps(bytes, () -> importOnce(bag, out, Compression.NONE, allocator)));
            long t4 = THREADS.getCurrentThreadCpuTime();
            long c4 = OS.getProcessCpuTime();
            cpu[0] = Math.min(cpu[0], (c1 - c0) / 1e6);
            cpu[1] = Math.min(cpu[1], (c2 - c1) / 1e6);
            cpu[2] = Math.min(cpu[2], (c4 - c3) / 1e6);
            logBytes = treeSize(out);
            FileTrees.delete(out);
            long n = logBytes;
            Path written = work.resolve("write-" + i);
            logWrite = Math.max(logWrite, mbps(n, () -> rawWrite(written, n, buffer)));
            FileTrees.delete(written);
            zstd = Math.max(zstd, importPass(bag, work.resolve("zstd-" + i), Compression.ZSTD, bytes, allocator));
            lz4 = Math.max(lz4, importPass(bag, work.resolve("lz4-" + i), Compression.LZ4, bytes, allocator));
            progress.accept(String.format(Locale.ROOT, "round %d: raw read %.0f MB/s, disk read %.0f, raw copy %.0f, scan "
                    + "%.0f, import %.0f (zstd %.0f, lz4 %.0f); this import's CPU %.0f ms, %.0f of it on the reading thread",
                    i + 1, raw, disk, copy, scan, imp, zstd, lz4, (c4 - c3) / 1e6, (t4 - t3) / 1e6));
        }
        return new Result(bytes, messages[0], logBytes, raw, disk, copy, scan, imp, zstd, lz4, logWrite, imp / raw, imp / copy,
                imp / disk, cpu[0], cpu[1], cpu[2]);
    }

    private static void importOnce(Path bag, Path out, Compression c, BufferAllocator allocator) {
        ImportOptions options = ImportOptions.defaults().withWrite(WriteOptions.defaults().withCompression(c));
        McapImporter.importBag(bag, out, TopicMap.defaults(), allocator, options);
    }

    private static double importPass(Path bag, Path out, Compression c, long bytes, BufferAllocator allocator) {
        double mbps = mbps(bytes, () -> importOnce(bag, out, c, allocator));
        FileTrees.delete(out);
        return mbps;
    }

    private static void ignore(McapMessage m, McapChannel c) {
        // the scan baseline only delivers
    }

    private static double mbps(long bytes, Runnable pass) {
        long t0 = System.nanoTime();
        pass.run();
        return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    private static void rawRead(Path f, ByteBuffer buf) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            buf.clear();
            while (ch.read(buf) >= 0) {
                buf.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /**
     * Reads {@code f} with {@code O_DIRECT} (page cache bypassed) into a block-aligned buffer.
     *
     * @return MB/s, or NaN when the file system refuses direct I/O
     */
    private static double directRead(Path f, long bytes) {
        // Direct I/O wants buffer addresses, lengths and file positions in multiples of the logical block
        // (4096 bytes here); the last read is short, after which the position is no longer aligned.
        // Large requests: direct I/O goes to the device, where 8 MiB reads ran 1.3-1.7x faster than 256 KiB ones.
        int block = 4096;
        ByteBuffer buf = ByteBuffer.allocateDirect((8 << 20) + block).alignedSlice(block);
        try {
            return mbps(bytes, () -> {
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ,
                        com.sun.nio.file.ExtendedOpenOption.DIRECT)) {
                    int n;
                    do {
                        buf.clear();
                        n = ch.read(buf);
                    } while (n == buf.capacity());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f + " with O_DIRECT", e);
                }
            });
        } catch (UnsupportedOperationException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    private static void rawCopy(Path f, Path to, ByteBuffer buf) {
        try (FileChannel in = FileChannel.open(f, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            buf.clear();
            while (in.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                buf.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + f + " to " + to, e);
        }
    }

    /** Writes {@code n} bytes (the buffer's contents, over and over, one buffer per call at most) into the new file {@code to}. */
    private static void rawWrite(Path to, long n, ByteBuffer buf) {
        try (FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long left = n; left > 0; ) {
                buf.clear().limit((int) Math.min(buf.capacity(), left));
                while (buf.hasRemaining()) {
                    left -= out.write(buf);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to, e);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + f, e);
        }
    }

    private static long treeSize(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(McapImportBenchmark::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
