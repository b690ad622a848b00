package io.avreplay.replay.object;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one category table: from every source taxonomy's category names to the evaluation classes, read
 * from the data file {@code categories.csv} beside this class. Training targets, evaluation, gates,
 * importers and exporters all map categories through it, so they agree. Lookups ignore case (importers
 * store KITTI and AV2 names in lower case). A category can map to no class (e.g.
 * {@code vehicle.emergency.police}, as in nuscenes-devkit): such objects are neither trained nor scored.
 *
 * <p>Immutable and thread-safe; {@link #standard()} is loaded once.
 */
public final class CategoryTable {
    private static final String RESOURCE = "categories.csv";
    private static final CategoryTable STANDARD = load();

    private final Map<Taxonomy, Map<String, Optional<String>>> byTaxonomy;
    private final Map<String, Optional<String>> any;
    private final List<String> evalClasses;
    private final List<String> nuScenesClasses;

    private CategoryTable(Map<Taxonomy, Map<String, Optional<String>>> byTaxonomy, Map<String, Optional<String>> any,
            List<String> evalClasses) {
        this.byTaxonomy = byTaxonomy;
        this.any = any;
        this.evalClasses = evalClasses;
        this.nuScenesClasses = evalClasses.stream()
                .filter(c -> byTaxonomy.get(Taxonomy.NUSCENES).containsValue(Optional.of(c))).toList();
    }

    /** @return the table in {@code categories.csv} */
    public static CategoryTable standard() {
        return STANDARD;
    }

    /**
     * The evaluation class of a category from any taxonomy (names are unique across taxonomies, or map to
     * the same class; the loader checks it).
     *
     * @param category a source or evaluation category name, any case
     * @return its evaluation class, or empty when it is not scored or not in the table
     */
    public Optional<String> evalClass(String category) {
        Objects.requireNonNull(category, "category");
        return any.getOrDefault(category.toLowerCase(Locale.ROOT), Optional.empty());
    }

    /**
     * The nuScenes detection class of a category: its evaluation class when the nuScenes benchmark scores
     * it (one of the classes some nuScenes category maps to), else empty. Use it where boxes go to a
     * nuScenes evaluation or submission; {@link #evalClass(String)} where a model's own classes matter.
     *
     * @param category a source or evaluation category name, any case
     * @return the nuScenes detection class, or empty
     */
    public Optional<String> nuScenesClass(String category) {
        return evalClass(category).filter(nuScenesClasses::contains);
    }

    /** @return the nuScenes detection classes (those some nuScenes category maps to), in file order */
    public List<String> nuScenesClasses() {
        return nuScenesClasses;
    }

    /**
     * @param taxonomy the source taxonomy
     * @param category a category of that taxonomy, any case
     * @return its evaluation class, or empty when it is not scored or not in that taxonomy
     */
    public Optional<String> evalClass(Taxonomy taxonomy, String category) {
        Objects.requireNonNull(category, "category");
        return byTaxonomy.get(taxonomy).getOrDefault(category.toLowerCase(Locale.ROOT), Optional.empty());
    }

    /** @return the categories the table lists for a taxonomy, in file order, as written there */
    public List<String> categories(Taxonomy taxonomy) {
        return List.copyOf(byTaxonomy.get(taxonomy).keySet());
    }

    /** @return the evaluation classes in file order */
    public List<String> evalClasses() {
        return evalClasses;
    }

    private static CategoryTable load() {
        try (InputStream in = CategoryTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("category table resource " + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read category table " + RESOURCE, e);
        }
    }

    /**
     * Parses the table's CSV text ({@code taxonomy,category,eval_class}; {@code #} comments; one header).
     *
     * @throws IllegalArgumentException naming the line on a malformed row, an unknown taxonomy or class,
     *                                  a duplicate, or one name mapped to two classes
     */
    static CategoryTable parse(String csv) {
        Map<Taxonomy, Map<String, Optional<String>>> byTaxonomy = new EnumMap<>(Taxonomy.class);
        for (Taxonomy t : Taxonomy.values()) {
            byTaxonomy.put(t, new LinkedHashMap<>());
        }
        Map<String, Optional<String>> any = new HashMap<>();
        List<String> classes = new ArrayList<>();
        List<String[]> rows = rows(csv);
        for (String[] r : rows) {
            if (r[0].equals("eval")) {
                classes.add(r[1]);
            }
        }
        int line = 0;
        for (String[] r : rows) {
            line++;
            String where = RESOURCE + " row " + line + " (" + String.join(",", r) + ")";
            Taxonomy t;
            try {
                t = Taxonomy.valueOf(r[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": unknown taxonomy '" + r[0] + "'");
            }
            Optional<String> cls = r[2].isEmpty() ? Optional.empty() : Optional.of(r[2]);
            if (cls.isPresent() && !classes.contains(cls.get())) {
                throw new IllegalArgumentException(where + ": eval_class '" + r[2] + "' is not one of " + classes);
            }
            String key = r[1].toLowerCase(Locale.ROOT);
            if (byTaxonomy.get(t).put(key, cls) != null) {
                throw new IllegalArgumentException(where + ": duplicate category");
            }
            Optional<String> before = any.putIfAbsent(key, cls);
            if (before != null && !before.equals(cls)) {
                throw new IllegalArgumentException(where + ": '" + r[1] + "' maps to " + before.orElse("nothing")
                        + " in another taxonomy");
            }
        }
        Map<Taxonomy, Map<String, Optional<String>>> frozen = new EnumMap<>(Taxonomy.class);
        byTaxonomy.forEach((t, m) -> frozen.put(t, Collections.unmodifiableMap(m)));
        return new CategoryTable(frozen, Map.copyOf(any), List.copyOf(classes));
    }

    private static List<String[]> rows(String csv) {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                if (s.isBlank() || s.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = s.split(",", -1);
                if (cells.length != 3 || cells[0].isBlank() || cells[1].isBlank()) {
                    throw new IllegalArgumentException(RESOURCE + ": expected 'taxonomy,category,eval_class', got '"
                            + s + "'");
                }
                out.add(new String[] {cells[0].trim(), cells[1].trim(), cells[2].trim()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
