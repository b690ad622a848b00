package io.avreplay.replay.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.geometry.Vec3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one strict reader of the nuScenes submission / ground-truth JSON shape that {@link NuScenesSubmission}
 * writes: {@code {"results": {token: [box]}}}, {@code {"results": [box]}} or a bare list of boxes; a
 * ground-truth wrapper may also carry {@code ego_poses} and {@code bike_racks}. Streaming (Jackson's parser),
 * so the evaluator's columnar path and the small readers share the same rules: duplicate keys, trailing
 * content after the document, wrong types, missing fields, non-finite numbers and files that are not
 * regular files are all {@link BadInputException}s naming the file, line:column, the record, the field and
 * expected versus actual. {@code NaN} (Python's JSON extension) is accepted only where a value may be
 * unknown (velocity). Static and thread-safe; each call reads one file.
 */
public final class NuScenesSubmissionReader {
    private NuScenesSubmissionReader() {
    }

    /**
     * What a caller accepts.
     *
     * @param groundTruth      ground truth ({@code detection_score} optional, {@code num_pts} read) or
     *                         predictions ({@code detection_score} required, finite and &gt;= 0)
     * @param detectionNames   the accepted {@code detection_name}s; empty accepts any non-empty name
     * @param attributeNames   the accepted non-empty {@code attribute_name}s; empty accepts any
     * @param velocityOptional whether a box may omit {@code velocity} (then NaN)
     */
    public record Rules(boolean groundTruth, Set<String> detectionNames, Set<String> attributeNames,
            boolean velocityOptional) {
        /** Copies the sets. */
        public Rules {
            detectionNames = Set.copyOf(detectionNames);
            attributeNames = Set.copyOf(attributeNames);
        }

        /** @return ground-truth rules accepting any name, velocity required */
        public static Rules anyGroundTruth() {
            return new Rules(true, Set.of(), Set.of(), false);
        }
    }

    /**
     * A file's content in file order.
     *
     * @param boxes       every box of {@code results}
     * @param samples     the sample keys in file order (a key of {@code results}, then each box's token;
     *                    may repeat)
     * @param egoPoses    {@code ego_poses}: ego position per sample, metres, frame of the file (z = 0 when given
     *                    as [x, y])
     * @param bikeRacks   {@code bike_racks} per sample (name and score not used)
     */
    public record Content(List<NuScenesBox> boxes, List<String> samples, Map<String, Vec3> egoPoses,
            Map<String, List<NuScenesBox>> bikeRacks) {
        /** Copies the collections. */
        public Content {
            boxes = List.copyOf(boxes);
            samples = List.copyOf(samples);
            egoPoses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(egoPoses));
            Map<String, List<NuScenesBox>> racks = new LinkedHashMap<>();
            bikeRacks.forEach((k, v) -> racks.put(k, List.copyOf(v)));
            bikeRacks = java.util.Collections.unmodifiableMap(racks);
        }
    }

    /**
     * Reads and validates a whole file.
     *
     * @throws BadInputException when the file is missing, not a regular file, malformed or holds an invalid box
     */
    public static Content read(Path file, Rules rules) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rules, "rules");
        SubmissionParser parser = new SubmissionParser(file, rules);
        parser.parse();
        List<NuScenesBox> boxes = new ArrayList<>(parser.raw.size());
        for (RawBox b : parser.raw) {
            boxes.add(parser.validate(b));
        }
        return new Content(boxes, parser.samples, parser.egoPoses, parser.bikeRacks);
    }

    /** One box before validation. Mutable, reader-private. */
    static final class RawBox {
        int index;
        String recordName;
        JsonLocation location;
        String sampleToken;
        double[] translation;
        double[] size;
        double[] rotation;
        double yaw = Double.NaN;
        double[] velocity;
        String name;
        double score = Double.NaN;
        boolean scoreSeen;
        String attribute;
        int numPts = Integer.MIN_VALUE;
    }

    /** Jackson's message without its source-location suffix (we print file, line and column ourselves). */
    static String cleanMessage(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^]]*\\][^)]*\\)", "")
                .replaceAll("\\s*at \\[Source:[^]]*\\]", "").replace('\n', ' ');
    }

    static JsonFactory factory() {
        return FACTORY;
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static void requireRegularFile(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException(file + ": not a regular file (a nuScenes file must be a plain JSON file)");
        }
    }

    static InputStream open(Path file) throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        }
    }
}
