package io.avreplay.replay.ros2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed {@code ros2msg} definition: the root message type and every type it depends on. Immutable
 * and thread-safe.
 *
 * <p>Text layout (as rosbag2 writes MCAP schema records): the root definition, then for each dependency
 * a separator line of {@code =} characters, a {@code MSG: pkg/Type} line and its definition. A field line
 * is {@code type name [default]}; constants ({@code type NAME=value}) and {@code #} comments are skipped.
 * Types: the primitives, {@code string<=N}, {@code pkg/Type}, {@code pkg/msg/Type} or a bare {@code Type}
 * of the same package ({@code Header} means {@code std_msgs/Header}); suffixes {@code []}, {@code [N]} and
 * {@code [<=N]}.
 */
public final class Ros2Schema {
    /** Primitive type names and their CDR size in bytes (0 for strings). */
    static final Map<String, Integer> PRIMITIVES = Map.ofEntries(Map.entry("bool", 1), Map.entry("byte", 1),
            Map.entry("char", 1), Map.entry("int8", 1), Map.entry("uint8", 1), Map.entry("int16", 2),
            Map.entry("uint16", 2), Map.entry("int32", 4), Map.entry("uint32", 4), Map.entry("int64", 8),
            Map.entry("uint64", 8), Map.entry("float32", 4), Map.entry("float64", 8), Map.entry("string", 0),
            Map.entry("wstring", 0));

    private final String root;
    private final Map<String, List<Ros2Field>> types;

    private Ros2Schema(String root, Map<String, List<Ros2Field>> types) {
        this.root = root;
        this.types = Map.copyOf(types);
    }

    /**
     * Parses a definition.
     *
     * @param rootType the schema name, e.g. {@code sensor_msgs/msg/PointCloud2}
     * @param text     the definition text
     * @throws IllegalArgumentException naming the line when a field cannot be parsed or a type it uses is
     *                                  not defined
     */
    public static Ros2Schema parse(String rootType, String text) {
        Objects.requireNonNull(text, "text");
        String root = normalize(rootType, "");
        Map<String, List<Ros2Field>> types = new LinkedHashMap<>();
        String current = root;
        List<Ros2Field> fields = new ArrayList<>();
        boolean expectHeader = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String t = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("===")) {
                types.putIfAbsent(current, List.copyOf(fields));
                fields = new ArrayList<>();
                expectHeader = true;
                continue;
            }
            if (expectHeader) {
                if (!t.startsWith("MSG:")) {
                    throw new IllegalArgumentException(rootType + " definition line " + (i + 1)
                            + ": expected 'MSG: pkg/Type' after a separator, got '" + t + "'");
                }
                current = normalize(t.substring(4).trim(), "");
                expectHeader = false;
                continue;
            }
            Ros2Field f = field(t, packageOf(current), rootType, i + 1);
            if (f != null) {
                fields.add(f);
            }
        }
        types.putIfAbsent(current, List.copyOf(fields));
        for (Map.Entry<String, List<Ros2Field>> e : types.entrySet()) {
            for (Ros2Field f : e.getValue()) {
                if (!f.primitive() && !types.containsKey(f.baseType())) {
                    throw new IllegalArgumentException(rootType + ": field " + e.getKey() + "." + f.name() + " uses type "
                            + f.baseType() + ", which the definition does not include");
                }
            }
        }
        return new Ros2Schema(root, types);
    }

    private static Ros2Field field(String t, String pkg, String rootType, int lineNo) {
        String[] tok = t.split("\\s+", 2);
        if (tok.length < 2) {
            throw new IllegalArgumentException(rootType + " definition line " + lineNo + ": expected 'type name', got '" + t + "'");
        }
        String rest = tok[1];
        if (rest.contains("=")) {
            return null; // a constant
        }
        String name = rest.split("\\s+")[0];
        String type = tok[0];
        Ros2Field.ArrayKind kind = Ros2Field.ArrayKind.NONE;
        int n = 0;
        int br = type.indexOf('[');
        if (br >= 0) {
            String inside = type.substring(br + 1, type.length() - 1);
            type = type.substring(0, br);
            try {
                if (inside.isEmpty()) {
                    kind = Ros2Field.ArrayKind.SEQUENCE;
                } else if (inside.startsWith("<=")) {
                    kind = Ros2Field.ArrayKind.SEQUENCE;
                    n = Integer.parseInt(inside.substring(2));
                } else {
                    kind = Ros2Field.ArrayKind.FIXED;
                    n = Integer.parseInt(inside);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(rootType + " definition line " + lineNo + ": bad array bound '" + inside + "'");
            }
        }
        int bound = type.indexOf("<=");
        if (bound >= 0) {
            type = type.substring(0, bound); // bounded string: the bound does not change the encoding
        }
        return new Ros2Field(name, PRIMITIVES.containsKey(type) ? type : normalize(type, pkg), kind, n);
    }

    /** {@code pkg/msg/Type} and {@code pkg/Type} give {@code pkg/Type}; a bare name takes {@code pkg}. */
    static String normalize(String type, String pkg) {
        String[] parts = type.split("/");
        if (parts.length == 3) {
            return parts[0] + "/" + parts[2];
        }
        if (parts.length == 2) {
            return type;
        }
        if (type.equals("Header")) {
            return "std_msgs/Header";
        }
        return pkg.isEmpty() ? type : pkg + "/" + type;
    }

    private static String packageOf(String type) {
        int slash = type.indexOf('/');
        return slash < 0 ? "" : type.substring(0, slash);
    }

    /** @return the root type, {@code pkg/Type} */
    public String rootType() {
        return root;
    }

    List<Ros2Field> fields(String type) {
        List<Ros2Field> f = types.get(type);
        if (f == null) {
            throw new IllegalArgumentException("type " + type + " is not in the definition of " + root);
        }
        return f;
    }
}
