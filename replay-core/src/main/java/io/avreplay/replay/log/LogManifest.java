package io.avreplay.replay.log;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of {@code log.json}: what the log is, which streams it holds and a checksum per file.
 * Written last, so a directory without a complete manifest is not a log.
 *
 * @param formatVersion the log format version ({@value #FORMAT_VERSION} for this code)
 * @param logId         a stable identifier of the recording
 * @param vehicle       the vehicle that recorded it (free text)
 * @param location      where it was recorded (free text)
 * @param startNs       earliest timestamp of any stream, ns
 * @param endNs         latest timestamp of any stream, ns
 * @param compression   Arrow buffer compression used at write time: {@code none}, {@code lz4} or {@code zstd}
 * @param createdBy     tool and version that wrote it
 * @param streams       the time-indexed streams
 * @param tags          free-form key/value tags
 * @param files         size and checksum of every file, keyed by relative path
 */
public record LogManifest(int formatVersion, String logId, String vehicle, String location, long startNs,
        long endNs, String compression, String createdBy, List<StreamInfo> streams, Map<String, String> tags,
        SortedMap<String, FileEntry> files) {
    /** The format version this build reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest's file name inside a log directory. */
    public static final String FILE_NAME = "log.json";

    public LogManifest {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(createdBy, "createdBy");
        streams = List.copyOf(streams);
        tags = Map.copyOf(tags);
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** @return the stream for a sensor id and kind, if present */
    public Optional<StreamInfo> stream(StreamKind kind, String sensor) {
        return streams.stream().filter(s -> s.kind() == kind && s.sensor().equals(sensor)).findFirst();
    }

    /** @return all streams of one kind, in manifest order */
    public List<StreamInfo> streams(StreamKind kind) {
        return streams.stream().filter(s -> s.kind() == kind).toList();
    }

    /** @return {@code endNs - startNs}, ns */
    public long durationNs() {
        return endNs - startNs;
    }
}
