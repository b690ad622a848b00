package io.avreplay.scenario.mining;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.scenario.catalog.TagKey;
import io.avreplay.scenario.catalog.TimeWindow;
import io.avreplay.scenario.gate.Gate;
import io.avreplay.scenario.yaml.YamlFiles;
import io.avreplay.scenario.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads rule files (see {@code scenarios/rules/default.yaml}). A rule's {@code when} is a mapping of
 * predicate names to parameters, all of which must hold, or {@code {any: [...]}} / {@code {all: [...]}}.
 * Predicates: {@code vru_in_path}, {@code static_hazard}, {@code cut_in}, {@code hard_braking},
 * {@code dense_traffic}, {@code pop_out}. Errors are {@link InvalidConfigException}s naming file, line and
 * field. Thread-safe.
 */
public final class RuleReader {
    /** The classpath resource holding the default rules (a copy of {@code scenarios/rules/default.yaml}). */
    public static final String DEFAULT_RESOURCE = "/io/avreplay/scenario/mining/rules/default.yaml";
    private static final Set<String> VEHICLES = Set.of("car", "truck", "bus", "trailer", "construction_vehicle",
            "motorcycle");

    private final Set<String> knownClasses;

    /** @param knownClasses classes rules may list and gate on */
    public RuleReader(Set<String> knownClasses) {
        this.knownClasses = Set.copyOf(knownClasses);
    }

    /** Reads a rule file. */
    public RuleSet read(Path file) {
        return read(YamlFiles.read(file, YamlFiles.DEFAULT_MAX_BYTES, InvalidConfigException::new), file.toString());
    }

    /** Reads the shipped default rules. */
    public RuleSet readDefault() {
        try (InputStream in = RuleReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String name = "classpath:" + DEFAULT_RESOURCE;
            return read(YamlFiles.parse(Path.of(name), text, YamlFiles.DEFAULT_MAX_BYTES, InvalidConfigException::new),
                    name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    private RuleSet read(YamlNode root, String source) {
        root.allowOnly(Set.of("preRoll", "postRoll", "rules"));
        long pre = root.opt("preRoll").map(TimeWindow::durationNs).orElse(2_000_000_000L);
        long post = root.opt("postRoll").map(TimeWindow::durationNs).orElse(2_000_000_000L);
        List<MiningRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode r : root.get("rules").items()) {
            MiningRule rule = rule(r);
            if (!ids.add(rule.id())) {
                throw r.get("id").error("duplicate rule id '" + rule.id() + "'");
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            throw root.get("rules").error("list at least one rule");
        }
        return new RuleSet(source, pre, post, rules);
    }

    private MiningRule rule(YamlNode r) {
        r.allowOnly(Set.of("id", "title", "when", "classes", "tags", "gates"));
        String id = r.get("id").nonBlank();
        if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw r.get("id").error("rule id must be lower-case letters, digits and '-', got '" + id + "'");
        }
        List<String> classes = r.get("classes").stringList();
        for (int k = 0; k < classes.size(); k++) {
            if (!knownClasses.contains(classes.get(k))) {
                throw r.get("classes").error("unknown class '" + classes.get(k) + "'");
            }
        }
        List<String> gates = r.opt("gates").map(YamlNode::stringList).orElse(List.of());
        for (String g : gates) {
            try {
                Gate gate = Gate.parse(g, knownClasses);
                String missing = gate.metric().filter().classes().stream().filter(c -> !classes.contains(c)).findFirst()
                        .orElse("");
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException("gate class '" + missing
                            + "' is not one of the rule's classes " + classes);
                }
            } catch (IllegalArgumentException e) {
                throw r.get("gates").error(e.getMessage());
            }
        }
        return new MiningRule(id, r.get("title").nonBlank(), when(r.get("when")), classes,
                r.opt("tags").map(TagKey::read).orElseGet(java.util.TreeMap::new), gates);
    }

    private Predicate when(YamlNode n) {
        List<Predicate> parts = new ArrayList<>();
        for (String key : n.keys()) {
            YamlNode p = n.get(key);
            parts.add(switch (key) {
                case "all" -> new Predicate.All(p.items().stream().map(this::when).toList());
                case "any" -> new Predicate.Any(p.items().stream().map(this::when).toList());
                default -> leaf(key, p);
            });
        }
        if (parts.isEmpty()) {
            throw n.error("give at least one predicate");
        }
        return parts.size() == 1 ? parts.get(0) : new Predicate.All(parts);
    }

    private static Predicate leaf(String name, YamlNode p) {
        return switch (name) {
            case "vru_in_path" -> {
                p.allowOnly(Set.of("categories", "rangeM", "halfWidthM"));
                yield new Predicate.InPath(name, cats(p, Set.of("pedestrian", "bicycle", "cyclist")),
                        positive(p, "rangeM", 20), positive(p, "halfWidthM", 2.0));
            }
            case "static_hazard" -> {
                p.allowOnly(Set.of("categories", "rangeM", "halfWidthM"));
                yield new Predicate.InPath(name, cats(p, Set.of("pothole", "traffic_cone", "barrier")),
                        positive(p, "rangeM", 30), positive(p, "halfWidthM", 2.5));
            }
            case "cut_in" -> {
                p.allowOnly(Set.of("categories", "laneHalfWidthM", "rangeM", "horizonS"));
                yield new TrackPredicates.CutIn(cats(p, VEHICLES), positive(p, "laneHalfWidthM", 1.8),
                        positive(p, "rangeM", 40), positive(p, "horizonS", 3));
            }
            case "hard_braking" -> {
                p.allowOnly(Set.of("decelerationMps2", "spanS"));
                yield new Predicate.HardBraking(positive(p, "decelerationMps2", 3.5), positive(p, "spanS", 0.5));
            }
            case "dense_traffic" -> {
                p.allowOnly(Set.of("categories", "minVehicles", "rangeM"));
                yield new Predicate.Dense(cats(p, VEHICLES), (int) positive(p, "minVehicles", 12),
                        positive(p, "rangeM", 30));
            }
            case "pop_out" -> {
                p.allowOnly(Set.of("categories", "minVisibility", "minHiddenS", "rangeM"));
                yield new TrackPredicates.PopOut(cats(p, Set.of("pedestrian", "bicycle", "cyclist", "car", "motorcycle")),
                        p.opt("minVisibility").map(YamlNode::number).orElse(0.4), positive(p, "minHiddenS", 0.3),
                        positive(p, "rangeM", 40));
            }
            default -> throw p.error("unknown predicate '" + name + "', expected one of all, any, vru_in_path, "
                    + "static_hazard, cut_in, hard_braking, dense_traffic, pop_out");
        };
    }

    private static Set<String> cats(YamlNode p, Set<String> dflt) {
        return p.opt("categories").map(c -> Set.copyOf(c.stringList())).orElse(dflt);
    }

    private static double positive(YamlNode p, String field, double dflt) {
        if (p.kind() == YamlNode.Kind.NULL) {
            return dflt;
        }
        return p.opt(field).map(v -> {
            double x = v.number();
            if (!(x > 0)) {
                throw v.error("must be > 0, got " + x);
            }
            return x;
        }).orElse(dflt);
    }
}
