package io.avreplay.scenario.synth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.avreplay.error.BadInputException;
import io.avreplay.error.InvalidConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads synthesizer presets: the built-in ones by name, or a user's YAML/JSON file by path. Thread-safe. */
public final class Presets {
    /** The presets shipped in {@code scenarios/src/main/resources/presets}. */
    public static final List<String> BUILT_IN = List.of("urban-intersection", "pedestrian-crossing",
            "congested-arterial", "night-rain", "cut-in", "pothole-road");

    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    private static final ObjectMapper JSON = configure(new ObjectMapper());

    private Presets() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Loads a built-in preset by name, or a preset file when the argument names an existing file or
     * ends in {@code .yaml}, {@code .yml} or {@code .json}.
     *
     * @throws InvalidConfigException for an unknown name, a missing file, or a file with a missing,
     *                                unknown or invalid field (the message names file and field)
     */
    public static Preset load(String nameOrPath) {
        String lower = nameOrPath.toLowerCase(java.util.Locale.ROOT);
        boolean looksLikeFile = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")
                || nameOrPath.contains("/") || Files.isRegularFile(Path.of(nameOrPath));
        if (looksLikeFile) {
            return loadFile(Path.of(nameOrPath));
        }
        if (!BUILT_IN.contains(nameOrPath)) {
            throw new InvalidConfigException("unknown preset '" + nameOrPath + "' (built-in: "
                    + String.join(", ", BUILT_IN) + "; or give a .yaml/.json file)");
        }
        String resource = "/presets/" + nameOrPath + ".yaml";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in preset resource " + resource + " is missing from the build");
            }
            return parse(YAML, in.readAllBytes(), "preset '" + nameOrPath + "'");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in preset " + resource, e);
        }
    }

    /** Loads a YAML or JSON preset file (JSON when the name ends in {@code .json}). */
    public static Preset loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(file + ": no such preset file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read preset file: " + e.getMessage(), e);
        }
        boolean json = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        return parse(json ? JSON : YAML, bytes, file.toString());
    }

    /** @return the preset as canonical JSON (field order of the records), for hashing and provenance */
    static String toJson(Preset preset) {
        try {
            return JSON.writeValueAsString(preset);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise preset " + preset.name(), e);
        }
    }

    private static Preset parse(ObjectMapper mapper, byte[] bytes, String where) {
        try {
            return mapper.readValue(bytes, Preset.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidConfigException ice) {
                throw new InvalidConfigException(where + ": " + ice.getMessage(), ice);
            }
            throw new InvalidConfigException(where + ": invalid value at '" + path(e) + "': " + rootMessage(e), e);
        } catch (UnrecognizedPropertyException e) {
            String p = path(e);
            throw new InvalidConfigException(where + ": unknown field '" + p + "'", e);
        } catch (JsonMappingException e) {
            Matcher m = MISSING.matcher(e.getOriginalMessage());
            String p = path(e);
            if (m.find()) {
                String name = m.group(1);
                String field = p.equals(name) || p.endsWith("." + name) ? p : p.isEmpty() ? name : p + "." + name;
                throw new InvalidConfigException(where + ": required field '" + field + "' is missing", e);
            }
            throw new InvalidConfigException(where + ": invalid value at '" + p + "': " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidConfigException(where + ": not valid YAML/JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(where + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).replace('\n', ' ');
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
