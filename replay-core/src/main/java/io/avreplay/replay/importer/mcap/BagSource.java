package io.avreplay.replay.importer.mcap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The MCAP files of a recording: a bare {@code .mcap}, or a rosbag2 directory whose
 * {@code metadata.yaml} lists its files in order (and the message count per topic, which the import
 * checks against); a directory without {@code metadata.yaml} gives its {@code *.mcap} files by name.
 *
 * @param files          the files, in recording order
 * @param expectedCounts messages per topic as {@code metadata.yaml} states them; empty without one
 */
record BagSource(List<Path> files, Map<String, Long> expectedCounts) {
    BagSource {
        files = List.copyOf(files);
        expectedCounts = Map.copyOf(expectedCounts);
    }

    static BagSource locate(Path path) {
        if (Files.isRegularFile(path)) {
            return new BagSource(List.of(path), Map.of());
        }
        if (!Files.isDirectory(path)) {
            throw new BadInputException(path + ": no such .mcap file or rosbag2 directory");
        }
        Path meta = path.resolve("metadata.yaml");
        if (Files.isRegularFile(meta)) {
            return fromMetadata(path, meta);
        }
        try (Stream<Path> s = Files.list(path)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".mcap")).sorted().toList();
            if (files.isEmpty()) {
                throw new BadInputException(path + ": a rosbag2 directory needs metadata.yaml or .mcap files; found neither");
            }
            return new BagSource(files, Map.of());
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static BagSource fromMetadata(Path dir, Path meta) {
        JsonNode info;
        try {
            info = new ObjectMapper(new YAMLFactory()).readTree(meta.toFile()).path("rosbag2_bagfile_information");
        } catch (IOException e) {
            throw new BadInputException(meta + ": cannot read: " + e.getMessage(), e);
        }
        String storage = info.path("storage_identifier").asText("mcap");
        if (!storage.equals("mcap")) {
            throw new BadInputException(meta + ": storage_identifier is '" + storage + "'; only mcap bags can be imported");
        }
        List<Path> files = new ArrayList<>();
        info.path("relative_file_paths").forEach(n -> files.add(dir.resolve(n.asText())));
        if (files.isEmpty()) {
            throw new BadInputException(meta + ": relative_file_paths lists no files");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new BadInputException(meta + ": relative_file_paths names " + f.getFileName() + ", which is missing");
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        info.path("topics_with_message_count").forEach(n -> counts.put(n.path("topic_metadata").path("name").asText(),
                n.path("message_count").asLong()));
        return new BagSource(files, counts);
    }
}
