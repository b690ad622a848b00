package io.avreplay.replay.arrow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.log.FileEntry;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.replay.log.StreamKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes {@code log.json}. Field names are the spec's ({@code docs/log-format.md}). */
public final class ManifestCodec {
    /** A manifest lists a few dozen files; anything this large is not one. */
    private static final long MAX_BYTES = 16L << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestCodec() {
    }

    /** Serialises a manifest to pretty-printed JSON. */
    public static String toJson(LogManifest m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "avreplay-log");
        root.put("format_version", m.formatVersion());
        root.put("log_id", m.logId());
        root.put("vehicle", m.vehicle());
        root.put("location", m.location());
        root.put("start_ns", m.startNs());
        root.put("end_ns", m.endNs());
        root.put("compression", m.compression());
        root.put("created_by", m.createdBy());
        ArrayNode streams = root.putArray("streams");
        for (StreamInfo s : m.streams()) {
            ObjectNode n = streams.addObject();
            n.put("file", s.file());
            n.put("sensor", s.sensor());
            n.put("kind", s.kind().id());
            n.put("count", s.count());
            n.put("first_ns", s.firstNs());
            n.put("last_ns", s.lastNs());
        }
        ObjectNode tags = root.putObject("tags");
        new TreeMap<>(m.tags()).forEach(tags::put);
        ObjectNode files = root.putObject("files");
        m.files().forEach((k, v) -> {
            ObjectNode f = files.putObject(k);
            f.put("bytes", v.bytes());
            f.put("crc32c", v.crc32c());
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and checks a manifest.
     *
     * @throws BadInputException when the file is not valid JSON, lacks a field, has a wrong type or an
     *                           unsupported format version; the message names the file and field
     */
    public static LogManifest read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file + ": " + Files.size(file) + " bytes, more than a manifest may have ("
                        + MAX_BYTES + ")");
            }
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            throw new BadInputException(file + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read manifest: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": expected a JSON object, got " + (root == null ? "nothing" : root.getNodeType()));
        }
        Fields f = new Fields(file, root);
        String format = f.text("format");
        if (!format.equals("avreplay-log")) {
            throw new BadInputException(file + ": field 'format' is '" + format + "' (expected 'avreplay-log')");
        }
        int version = f.integer("format_version");
        if (version != LogManifest.FORMAT_VERSION) {
            throw new BadInputException(file + ": format_version " + version + " is not supported (expected "
                    + LogManifest.FORMAT_VERSION + ")");
        }
        List<StreamInfo> streams = new ArrayList<>();
        JsonNode sn = f.array("streams");
        for (int i = 0; i < sn.size(); i++) {
            Fields s = new Fields(file, sn.get(i), "streams[" + i + "].");
            StreamKind kind;
            try {
                kind = StreamKind.fromId(s.text("kind"));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file + ": streams[" + i + "].kind: " + e.getMessage());
            }
            String path = ManifestPaths.check(file, "streams[" + i + "].file", s.text("file"));
            long count = s.longValue("count");
            if (count < 0) {
                throw new BadInputException(file + ": field 'streams[" + i + "].count' is " + count + " (expected >= 0)");
            }
            StreamInfo info = new StreamInfo(path, s.text("sensor"), kind, count, s.longValue("first_ns"),
                    s.longValue("last_ns"));
            for (StreamInfo other : streams) {
                if (other.file().equals(info.file()) || (other.kind() == kind && other.sensor().equals(info.sensor()))) {
                    throw new BadInputException(file + ": streams[" + i + "] repeats stream '" + other.name()
                            + "' (" + kind.id() + " of sensor '" + info.sensor() + "')");
                }
            }
            streams.add(info);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode tn = root.path("tags");
        if (tn.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = tn.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                tags.put(e.getKey(), e.getValue().asText());
            }
        }
        TreeMap<String, FileEntry> files = new TreeMap<>();
        JsonNode fn = root.path("files");
        if (!fn.isObject()) {
            throw new BadInputException(file + ": field 'files' missing or not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = fn.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = ManifestPaths.check(file, "files", e.getKey());
            Fields ff = new Fields(file, e.getValue(), "files." + e.getKey() + ".");
            long bytes = ff.longValue("bytes");
            if (bytes < 0) {
                throw new BadInputException(file + ": field 'files." + e.getKey() + ".bytes' is " + bytes + " (expected >= 0)");
            }
            files.put(name, new FileEntry(bytes, ff.text("crc32c")));
        }
        String compression = f.text("compression");
        if (!List.of("none", "lz4", "zstd").contains(compression)) {
            throw new BadInputException(file + ": field 'compression' is '" + compression
                    + "' (expected none, lz4 or zstd)");
        }
        return new LogManifest(version, f.text("log_id"), f.text("vehicle"), f.text("location"),
                f.longValue("start_ns"), f.longValue("end_ns"), compression, f.text("created_by"),
                streams, tags, files);
    }

    /** Writes a manifest to a file (the caller arranges atomicity). */
    static void write(LogManifest m, Path file) throws IOException {
        Files.writeString(file, toJson(m));
    }

    private record Fields(Path file, JsonNode node, String prefix) {
        Fields(Path file, JsonNode node) {
            this(file, node, "");
        }

        JsonNode get(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw new BadInputException(file + ": field '" + prefix + name + "' is missing");
            }
            return v;
        }

        String text(String name) {
            JsonNode v = get(name);
            if (!v.isTextual()) {
                throw new BadInputException(file + ": field '" + prefix + name + "' must be a string, got " + v.getNodeType());
            }
            return v.asText();
        }

        long longValue(String name) {
            JsonNode v = get(name);
            if (!v.isIntegralNumber()) {
                throw new BadInputException(file + ": field '" + prefix + name + "' must be an integer, got "
                        + abbreviate(v.toString()));
            }
            if (!v.canConvertToLong()) {
                throw new BadInputException(file + ": field '" + prefix + name + "' is " + abbreviate(v.asText())
                        + ", outside the signed 64-bit range");
            }
            return v.asLong();
        }

        int integer(String name) {
            long v = longValue(name);
            if (v != (int) v) {
                throw new BadInputException(file + ": field '" + prefix + name + "' is " + v
                        + ", outside the 32-bit range");
            }
            return (int) v;
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "...";
        }

        JsonNode array(String name) {
            JsonNode v = get(name);
            if (!v.isArray()) {
                throw new BadInputException(file + ": field '" + prefix + name + "' must be an array, got " + v.getNodeType());
            }
            return v;
        }
    }
}
