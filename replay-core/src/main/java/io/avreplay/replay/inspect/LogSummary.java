package io.avreplay.replay.inspect;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.FileEntry;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code avreplay info} reports: identity, time span, per-stream counts, rates, largest gaps and
 * sizes. Built from the manifest and the time index only; no frame is decoded.
 *
 * @param logId       the log id
 * @param vehicle     vehicle name
 * @param location    place of recording
 * @param startNs     first timestamp, ns
 * @param endNs       last timestamp, ns
 * @param compression Arrow buffer compression
 * @param streams     per-stream statistics, manifest order
 * @param sensors     calibrated sensor ids
 * @param tags        manifest tags
 * @param bytesOnDisk total size of all files
 */
public record LogSummary(String logId, String vehicle, String location, long startNs, long endNs, String compression,
        List<StreamSummary> streams, List<String> sensors, Map<String, String> tags, long bytesOnDisk) {
    public LogSummary {
        streams = List.copyOf(streams);
        sensors = List.copyOf(sensors);
        tags = Map.copyOf(tags);
    }

    /** @return duration in seconds */
    public double durationSeconds() {
        return (endNs - startNs) / 1e9;
    }

    /** Summarises an open log. */
    public static LogSummary of(LogReader reader) {
        LogManifest m = reader.manifest();
        List<StreamSummary> out = new ArrayList<>();
        for (StreamInfo s : m.streams()) {
            FrameStream<?> fs = reader.stream(s);
            long maxGap = 0;
            for (int i = 1; i < fs.size(); i++) {
                maxGap = Math.max(maxGap, fs.timestampNs(i) - fs.timestampNs(i - 1));
            }
            double rate = s.count() < 2 || s.lastNs() == s.firstNs() ? Double.NaN
                    : (s.count() - 1) / ((s.lastNs() - s.firstNs()) / 1e9);
            FileEntry f = m.files().get(s.file());
            out.add(new StreamSummary(s.sensor(), s.kind(), s.count(), s.firstNs(), s.lastNs(), rate, maxGap,
                    f == null ? 0 : f.bytes()));
        }
        long total = m.files().values().stream().mapToLong(FileEntry::bytes).sum();
        List<String> sensors = reader.calibrations().stream().map(c -> c.sensorId()).toList();
        return new LogSummary(m.logId(), m.vehicle(), m.location(), m.startNs(), m.endNs(), m.compression(), out,
                sensors, m.tags(), total);
    }
}
