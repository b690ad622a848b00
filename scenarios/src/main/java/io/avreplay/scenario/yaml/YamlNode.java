package io.avreplay.scenario.yaml;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One value of a YAML document with its location: a mapping, a sequence, a scalar or null. Accessors
 * validate as they go and throw the document's error type (see {@link YamlFiles}) with a message of the
 * form {@code file:line: field 'path': what is wrong}. Immutable once built; thread-safe.
 */
public final class YamlNode {
    /** The shape of a node. */
    public enum Kind { MAP, LIST, SCALAR, NULL }

    private final Path file;
    private final String path;
    private final int line;
    private final Kind kind;
    private final String scalar;
    private final Map<String, YamlNode> fields;
    private final List<YamlNode> items;
    private final Function<String, RuntimeException> errors;

    YamlNode(Path file, String path, int line, Kind kind, String scalar, Map<String, YamlNode> fields,
            List<YamlNode> items, Function<String, RuntimeException> errors) {
        this.file = file;
        this.path = path;
        this.line = line;
        this.kind = kind;
        this.scalar = scalar;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.items = List.copyOf(items);
        this.errors = errors;
    }

    /** @return the file the node was read from */
    public Path file() {
        return file;
    }

    /** @return the field path from the document root, e.g. {@code gates[1]}; empty for the root */
    public String path() {
        return path;
    }

    /** @return the 1-based line where the node starts */
    public int line() {
        return line;
    }

    public Kind kind() {
        return kind;
    }

    /** @return an error for this node: {@code file:line: field 'path': message} */
    public RuntimeException error(String message) {
        String where = path.isEmpty() ? "" : " field '" + path + "':";
        return errors.apply(file + ":" + line + ":" + where + " " + message);
    }

    /** @return the field, or an error naming it when it is missing or this is not a mapping */
    public YamlNode get(String key) {
        return opt(key).orElseThrow(() -> error("missing required field '" + key + "'"));
    }

    /** @return the field when present and not null */
    public Optional<YamlNode> opt(String key) {
        requireKind(Kind.MAP, "a mapping");
        YamlNode n = fields.get(key);
        return n == null || n.kind == Kind.NULL ? Optional.empty() : Optional.of(n);
    }

    /** @return the keys of a mapping, in document order */
    public Set<String> keys() {
        requireKind(Kind.MAP, "a mapping");
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** Rejects any key outside {@code allowed}, naming the first unknown one and the allowed set. */
    public void allowOnly(Set<String> allowed) {
        for (Map.Entry<String, YamlNode> e : fields.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown field, expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    /** @return the elements of a sequence */
    public List<YamlNode> items() {
        requireKind(Kind.LIST, "a list");
        return items;
    }

    /** @return the text of a scalar (numbers and booleans as written) */
    public String text() {
        requireKind(Kind.SCALAR, "a scalar");
        return scalar;
    }

    /** @return a non-blank scalar, trimmed */
    public String nonBlank() {
        String s = text().trim();
        if (s.isEmpty()) {
            throw error("must not be empty");
        }
        return s;
    }

    /** @return a finite number */
    public double number() {
        try {
            double v = Double.parseDouble(text().trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the location
        }
        throw error("expected a finite number, got '" + scalar + "'");
    }

    /** @return an integer */
    public long integer() {
        try {
            return Long.parseLong(text().trim());
        } catch (NumberFormatException e) {
            throw error("expected an integer, got '" + scalar + "'");
        }
    }

    /** @return a scalar or a list of scalars, as a list of non-blank strings */
    public List<String> stringList() {
        if (kind == Kind.SCALAR) {
            return List.of(nonBlank());
        }
        return items().stream().map(YamlNode::nonBlank).toList();
    }

    private void requireKind(Kind k, String what) {
        if (kind != k) {
            throw error("expected " + what + ", got " + describe());
        }
    }

    private String describe() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case SCALAR -> "'" + scalar + "'";
            case NULL -> "nothing";
        };
    }
}
