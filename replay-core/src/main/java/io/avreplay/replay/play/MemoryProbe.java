package io.avreplay.replay.play;

import io.avreplay.replay.log.LidarSweep;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.arrow.memory.RootAllocator;

/**
 * Child-JVM entry point of {@link ReplayBenchmark} part (b): replays every stream of a log, touching
 * every lidar point, and writes its peak memory to a properties file. Run it as
 * {@code java -Xmx256m --add-opens=java.base/java.nio=ALL-UNNAMED -cp CLASSPATH
 * io.avreplay.replay.play.MemoryProbe LOG_DIR RESULT_FILE}.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    /** @param args the log directory and the result file to write */
    public static void main(String[] args) throws IOException {
        Path log = Path.of(args[0]);
        Path result = Path.of(args[1]);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] peakDirect = {0};
        double[] sink = {0};
        long start = System.nanoTime();
        ReplaySummary summary;
        long arrowPeak;
        try (RootAllocator allocator = new RootAllocator(); Replay r = Replay.builder(allocator).log(log).build()) {
            summary = r.play(f -> {
                if (f.frame() instanceof LidarSweep s) {
                    sink[0] += io.avreplay.replay.bench.PointTouch.sum(s);
                }
                peakDirect[0] = Math.max(peakDirect[0], direct.getMemoryUsed());
            });
            arrowPeak = allocator.getPeakMemoryAllocation();
        }
        long wall = System.nanoTime() - start;
        long heapPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Properties p = new Properties();
        p.setProperty("maxHeapBytes", Long.toString(Runtime.getRuntime().maxMemory()));
        p.setProperty("heapPeakBytes", Long.toString(heapPeak));
        p.setProperty("nioDirectPeakBytes", Long.toString(peakDirect[0]));
        p.setProperty("arrowPeakBytes", Long.toString(arrowPeak));
        p.setProperty("frames", Long.toString(summary.totalFrames()));
        p.setProperty("peakReadAheadBytes", Long.toString(summary.peakReadAheadBytes()));
        p.setProperty("wallNs", Long.toString(wall));
        p.setProperty("checksum", Double.toString(sink[0]));
        try (var w = Files.newBufferedWriter(result, StandardCharsets.UTF_8)) {
            p.store(w, "avreplay replay memory probe");
        }
    }
}
