package io.avreplay.scenario.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML files into located {@link YamlNode} trees, defensively: files over a size limit are
 * refused before parsing; SnakeYAML may expand at most {@value #MAX_ALIASES} aliases, nest at most
 * {@value #MAX_DEPTH} levels and read at most the size limit in code points; duplicate keys are errors.
 * Stateless and thread-safe.
 */
public final class YamlFiles {
    /** Default largest accepted file, bytes (a scenario or rule file is a few KiB). */
    public static final long DEFAULT_MAX_BYTES = 256 * 1024;
    /** Aliases a document may use; scenario files need none, so a bomb stops early. */
    public static final int MAX_ALIASES = 20;
    /** Deepest nesting of mappings and lists. */
    public static final int MAX_DEPTH = 32;

    private YamlFiles() {
    }

    /**
     * Reads and parses one YAML file.
     *
     * @param file     the file
     * @param maxBytes largest accepted size, bytes
     * @param errors   makes the domain exception for a message ({@code BadInputException::new} for data,
     *                 {@code InvalidConfigException::new} for configuration)
     * @return the root node (a document that is empty gives a {@link YamlNode.Kind#NULL} root)
     * @throws RuntimeException made by {@code errors}, naming the file (and line where known)
     */
    public static YamlNode read(Path file, long maxBytes, Function<String, RuntimeException> errors) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw errors.apply(file + ": file is " + size + " bytes, over the limit of " + maxBytes + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw errors.apply(file + ": no such file");
        } catch (IOException e) {
            throw errors.apply(file + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw errors.apply(file + ": file is over the limit of " + maxBytes + " bytes");
        }
        return parse(file, new String(bytes, StandardCharsets.UTF_8), maxBytes, errors);
    }

    /** Parses YAML text as if read from {@code file} (used for classpath resources too). */
    public static YamlNode parse(Path file, String text, long maxBytes, Function<String, RuntimeException> errors) {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(MAX_ALIASES);
        lo.setNestingDepthLimit(MAX_DEPTH);
        lo.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(1024, maxBytes)));
        lo.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(file, "", 1, YamlNode.Kind.NULL, "", Map.of(), List.of(), errors);
            }
            return new Builder(file, errors, p).node("");
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException re && re.getClass().getName().startsWith("io.avreplay")) {
                throw re;
            }
            String msg = firstLine(e.getMessage());
            java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate field '([^']*)'.*").matcher(msg);
            if (dup.matches()) {
                throw errors.apply(file + ":" + lineOf(e) + " field '" + dup.group(1) + "': duplicate key");
            }
            throw errors.apply(file + ":" + lineOf(e) + " invalid YAML: " + msg);
        }
    }

    private static String lineOf(Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            return jpe.getLocation().getLineNr() + ":";
        }
        return "";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** Walks the parser's tokens into nodes; the parser sits on the first token of the node to build. */
    private record Builder(Path file, Function<String, RuntimeException> errors, JsonParser p) {
        YamlNode node(String path) throws IOException {
            JsonLocation loc = p.currentTokenLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            JsonToken t = p.currentToken();
            if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
                throw errors.apply(file + ":" + line + ": field '" + path
                        + "': YAML aliases are not allowed (they can expand exponentially)");
            }
            if (t == JsonToken.START_OBJECT) {
                Map<String, YamlNode> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (fields.containsKey(key)) {
                        throw errors.apply(file + ":" + keyLine + ": field '" + child + "': duplicate key");
                    }
                    fields.put(key, node(child));
                }
                return new YamlNode(file, path, line, YamlNode.Kind.MAP, "", fields, List.of(), errors);
            }
            if (t == JsonToken.START_ARRAY) {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(path + "[" + items.size() + "]"));
                }
                return new YamlNode(file, path, line, YamlNode.Kind.LIST, "", Map.of(), items, errors);
            }
            if (t == JsonToken.VALUE_NULL) {
                return new YamlNode(file, path, line, YamlNode.Kind.NULL, "", Map.of(), List.of(), errors);
            }
            return new YamlNode(file, path, line, YamlNode.Kind.SCALAR, p.getText(), Map.of(), List.of(), errors);
        }
    }
}
