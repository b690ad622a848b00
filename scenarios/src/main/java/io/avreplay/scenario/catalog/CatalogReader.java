package io.avreplay.scenario.catalog;

import io.avreplay.error.BadInputException;
import io.avreplay.scenario.gate.Gate;
import io.avreplay.scenario.scoring.DistanceBin;
import io.avreplay.scenario.scoring.Region;
import io.avreplay.scenario.scoring.ScoringLayout;
import io.avreplay.scenario.yaml.YamlFiles;
import io.avreplay.scenario.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads and validates scenario files. Every problem is a {@link BadInputException} whose message names
 * the file, the line and the field. Checks: known fields only, required fields, id syntax, log reference
 * (relative path without {@code ..}, or a recipe), window (inside the recipe's duration for recipes), tag
 * vocabularies, classes known to the scorer, gates parseable with known metrics and classes listed in the
 * scenario, unique ids across the catalogue, file size and YAML-bomb limits ({@link YamlFiles}).
 * Thread-safe.
 */
public final class CatalogReader {
    /** Most scenario files in one catalogue. */
    public static final int MAX_FILES = 10_000;
    private static final Set<String> FIELDS = Set.of("id", "title", "description", "log", "window", "tags",
            "classes", "gates", "provenance", "scoring");

    private final Set<String> knownClasses;
    private final long maxBytes;

    /**
     * @param knownClasses class names a scenario and its gates may use (the scorer's)
     * @param maxBytes     largest scenario file, bytes
     */
    public CatalogReader(Set<String> knownClasses, long maxBytes) {
        this.knownClasses = Set.copyOf(knownClasses);
        this.maxBytes = maxBytes;
    }

    /**
     * Reads a catalogue: every {@code *.yaml} / {@code *.yml} file of a directory (not recursive), in
     * name order, or a single file.
     *
     * @throws BadInputException on the first invalid file, or naming both files of a duplicate id
     */
    public Catalog read(Path location) {
        List<Path> files = files(location);
        List<Scenario> out = new ArrayList<>();
        Map<String, Scenario> ids = new HashMap<>();
        for (Path f : files) {
            Scenario s = readFile(f);
            Scenario prev = ids.putIfAbsent(s.id(), s);
            if (prev != null) {
                throw new BadInputException(s.source().at("id") + " duplicate scenario id '" + s.id()
                        + "', first defined in " + prev.source().at("id").replaceFirst(": field 'id':$", ""));
            }
            out.add(s);
        }
        return new Catalog(location, out);
    }

    /** @return the scenario files of a catalogue location, sorted */
    static List<Path> files(Path location) {
        if (!Files.exists(location)) {
            throw new BadInputException(location + ": no such catalogue directory or file");
        }
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        try (Stream<Path> s = Files.list(location)) {
            List<Path> files = s.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().toList();
            if (files.size() > MAX_FILES) {
                throw new BadInputException(location + ": " + files.size() + " scenario files, over the limit of " + MAX_FILES);
            }
            return files;
        } catch (IOException e) {
            throw new BadInputException(location + ": cannot list catalogue: " + e.getMessage(), e);
        }
    }

    /** Reads and validates one scenario file. */
    public Scenario readFile(Path file) {
        YamlNode root = YamlFiles.read(file, maxBytes, BadInputException::new);
        if (root.kind() != YamlNode.Kind.MAP) {
            throw root.error("a scenario file must be a mapping with id, title, log, window, classes");
        }
        root.allowOnly(FIELDS);
        Map<String, Integer> lines = new HashMap<>();
        for (String k : root.keys()) {
            lines.put(k, root.get(k).line());
        }
        YamlNode idNode = root.get("id");
        String id = idNode.nonBlank();
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw idNode.error("id '" + id + "' must be lower-case letters, digits, '.', '_' or '-' (at most 64)");
        }
        LogRef log = readLog(root.get("log"));
        TimeWindow window = TimeWindow.read(root.get("window"));
        if (log instanceof LogRef.Recipe r && window.fromLogStart() && window.endNs() > r.durationNs()) {
            throw root.get("window").error("window " + window + " is outside its log: the recipe lasts "
                    + TimeWindow.seconds(r.durationNs()));
        }
        List<String> classes = readClasses(root.get("classes"));
        ScoringLayout scoring = root.opt("scoring").map(CatalogReader::readScoring).orElse(ScoringLayout.defaults());
        List<Gate> gates = root.opt("gates").map(g -> readGates(g, classes, scoring)).orElse(List.of());
        Map<String, String> provenance = new TreeMap<>();
        root.opt("provenance").ifPresent(p -> p.keys().forEach(k -> provenance.put(k, p.get(k).text())));
        try {
            return new Scenario(id, root.get("title").nonBlank(), root.opt("description").map(YamlNode::text).orElse(""),
                    log, window, root.opt("tags").map(TagKey::read).orElseGet(TreeMap::new), classes, gates, provenance,
                    new ScenarioSource(file, lines), scoring);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    private static LogRef readLog(YamlNode n) {
        n.allowOnly(Set.of("path", "recipe"));
        if (n.opt("path").isPresent() == n.opt("recipe").isPresent()) {
            throw n.error("give exactly one of 'path' (relative to the log root) or 'recipe'");
        }
        if (n.opt("path").isPresent()) {
            YamlNode p = n.get("path");
            String rel = p.nonBlank();
            try {
                LogRoot.checkRelative(rel);
            } catch (IllegalArgumentException e) {
                throw p.error(e.getMessage());
            }
            return new LogRef.LogPath(rel);
        }
        YamlNode r = n.get("recipe");
        r.allowOnly(Set.of("preset", "seed", "duration"));
        try {
            return new LogRef.Recipe(r.get("preset").nonBlank(), r.get("seed").integer(),
                    TimeWindow.durationNs(r.get("duration")));
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
    }

    private List<String> readClasses(YamlNode n) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        List<YamlNode> items = n.kind() == YamlNode.Kind.LIST ? n.items() : List.of(n);
        for (YamlNode c : items) {
            String name = c.nonBlank();
            if (!knownClasses.contains(name)) {
                throw c.error("unknown class '" + name + "', expected one of " + new java.util.TreeSet<>(knownClasses));
            }
            if (!out.add(name)) {
                throw c.error("class '" + name + "' listed twice");
            }
        }
        if (out.isEmpty()) {
            throw n.error("list at least one class");
        }
        return List.copyOf(out);
    }

    private List<Gate> readGates(YamlNode n, List<String> classes, ScoringLayout scoring) {
        List<Gate> out = new ArrayList<>();
        for (YamlNode g : n.items()) {
            Gate gate;
            try {
                gate = Gate.parse(g.nonBlank(), knownClasses, scoring.regions());
            } catch (IllegalArgumentException e) {
                throw g.error(e.getMessage());
            }
            for (String c : gate.metric().filter().classes()) {
                if (!classes.contains(c)) {
                    throw g.error("gate class '" + c + "' is not one of the scenario's classes " + classes);
                }
            }
            out.add(gate);
        }
        return out;
    }

    /** {@code scoring: {bins: [0-30, 30-50, 50-], regions: {ego_lane: {x: [0, 60], y: [-2, 2]}}, time_tolerance: 50ms}} */
    private static ScoringLayout readScoring(YamlNode n) {
        n.allowOnly(Set.of("bins", "regions", "time_tolerance"));
        List<DistanceBin> bins = new ArrayList<>();
        n.opt("bins").ifPresent(b -> b.items().forEach(item -> {
            try {
                bins.add(DistanceBin.parse(item.nonBlank()));
            } catch (IllegalArgumentException e) {
                throw item.error(e.getMessage());
            }
        }));
        Map<String, Region> regions = new TreeMap<>();
        n.opt("regions").ifPresent(r -> r.keys().forEach(name -> {
            YamlNode box = r.get(name);
            box.allowOnly(Set.of("x", "y"));
            List<YamlNode> x = box.get("x").items();
            List<YamlNode> y = box.get("y").items();
            if (x.size() != 2 || y.size() != 2) {
                throw box.error("a region is {x: [min, max], y: [min, max]} in metres, ego frame");
            }
            try {
                regions.put(name, new Region(name, x.get(0).number(), x.get(1).number(), y.get(0).number(),
                        y.get(1).number()));
            } catch (IllegalArgumentException e) {
                throw box.error(e.getMessage());
            }
        }));
        long tol = n.opt("time_tolerance").map(TimeWindow::durationNs).orElse(ScoringLayout.HALF_LIDAR_PERIOD);
        try {
            return new ScoringLayout(bins.isEmpty() ? ScoringLayout.DEFAULT_BINS : bins, regions, tol);
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }
}
