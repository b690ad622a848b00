package io.avreplay.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.inspect.LogSummary;
import io.avreplay.replay.inspect.StreamSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code avreplay info LOG}: streams, counts, duration, rates, gaps, size on disk. */
@Command(name = "info", description = "Show a log's streams, frame counts, duration, rates, largest gaps and size on disk.")
final class InfoCommand extends FormattedCommand {
    @Parameters(index = "0", paramLabel = "LOG", description = "Log directory.")
    Path log;

    @Override
    public Integer call() {
        LogSummary s;
        try (RootAllocator allocator = Allocators.root(); LogReader reader = LogReader.open(log, allocator)) {
            s = LogSummary.of(reader);
        }
        PrintWriter out = out();
        out.println(format.json() ? Json.write(toJson(s)) : toText(s));
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode toJson(LogSummary s) {
        ObjectNode root = Json.object();
        root.put("log_id", s.logId());
        root.put("vehicle", s.vehicle());
        root.put("location", s.location());
        root.put("start_ns", s.startNs());
        root.put("end_ns", s.endNs());
        root.put("duration_s", s.durationSeconds());
        root.put("compression", s.compression());
        root.put("bytes_on_disk", s.bytesOnDisk());
        ArrayNode sensors = root.putArray("sensors");
        s.sensors().forEach(sensors::add);
        ArrayNode streams = root.putArray("streams");
        for (StreamSummary st : s.streams()) {
            ObjectNode n = streams.addObject();
            n.put("sensor", st.sensor());
            n.put("kind", st.kind().id());
            n.put("count", st.count());
            n.put("first_ns", st.firstNs());
            n.put("last_ns", st.lastNs());
            if (Double.isNaN(st.rateHz())) {
                n.putNull("rate_hz");
            } else {
                n.put("rate_hz", st.rateHz());
            }
            n.put("max_gap_ns", st.maxGapNs());
            n.put("bytes", st.bytesOnDisk());
        }
        ObjectNode tags = root.putObject("tags");
        new java.util.TreeMap<>(s.tags()).forEach(tags::put);
        return root;
    }

    /** Log strings may hold terminal escape sequences; they are shown, never obeyed. */
    private static String esc(String s) {
        return io.avreplay.replay.inspect.TerminalText.escape(s);
    }

    static String toText(LogSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("log       %s (vehicle %s, %s)%n", esc(s.logId()), esc(s.vehicle()),
                esc(s.location())));
        b.append(String.format("span      %s .. %s (%.3f s)%n", instant(s.startNs()), instant(s.endNs()),
                s.durationSeconds()));
        b.append(String.format("size      %s on disk, compression %s%n", bytes(s.bytesOnDisk()), s.compression()));
        b.append(String.format("sensors   %s%n", esc(String.join(", ", s.sensors()))));
        if (!s.tags().isEmpty()) {
            b.append(String.format("tags      %s%n", esc(new java.util.TreeMap<>(s.tags()).toString())));
        }
        b.append(String.format("%n%-16s %-15s %8s %9s %12s %10s%n", "SENSOR", "KIND", "COUNT", "RATE Hz",
                "MAX GAP ms", "SIZE"));
        for (StreamSummary st : s.streams()) {
            b.append(String.format("%-16s %-15s %8d %9s %12.1f %10s%n", esc(st.sensor()), st.kind().id(), st.count(),
                    Double.isNaN(st.rateHz()) ? "-" : String.format("%.2f", st.rateHz()), st.maxGapNs() / 1e6,
                    bytes(st.bytesOnDisk())));
        }
        return b.toString().stripTrailing();
    }

    private static String instant(long ns) {
        return Instant.ofEpochSecond(0, ns).toString();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format("%.1f MiB", n / 1024.0 / 1024);
        }
        return String.format("%.2f GiB", n / 1024.0 / 1024 / 1024);
    }
}
