package io.avreplay.scenario.synth;

import io.avreplay.error.InvalidConfigException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A synthesizer scenario as data (YAML or JSON; see {@code presets/*.yaml} in this module). Every field
 * is required; lists may be empty. World frame: x along the arterial (the ego drives towards +x),
 * y to the left, metres; speeds m/s; times seconds.
 *
 * @param name        preset name, recorded in the log's tags
 * @param description one line for people
 * @param road        the road layout
 * @param ego         the ego vehicle's route and speed
 * @param traffic     groups of vehicles and cyclists
 * @param pedestrians pedestrians walking along the pavements
 * @param crossings   pedestrians who cross the arterial in front of the ego
 * @param cutIns      vehicles that change into the ego lane ahead of the ego
 * @param parked      rows of parked cars in the parking strips
 * @param statics     individually placed objects (cones, barriers, parked vehicles, bicycles)
 * @param potholes    road damage
 * @param environment light, rain and sensor degradation
 */
public record Preset(String name, String description, Road road, Ego ego, List<Traffic> traffic,
        Pedestrians pedestrians, List<Crossing> crossings, List<CutIn> cutIns, List<Parked> parked,
        List<StaticObject> statics, Potholes potholes, Environment environment) {
    /** Categories that {@link Traffic} may use. */
    public static final Set<String> TRAFFIC_CATEGORIES = Set.of("car", "truck", "bus", "motorcycle", "bicycle");
    /** Categories that {@link StaticObject} may use. */
    public static final Set<String> STATIC_CATEGORIES = Set.of("car", "truck", "bicycle", "traffic_cone", "barrier");

    public Preset {
        require(name, "name");
        require(description, "description");
        require(road, "road");
        require(ego, "ego");
        traffic = List.copyOf(require(traffic, "traffic"));
        require(pedestrians, "pedestrians");
        crossings = List.copyOf(require(crossings, "crossings"));
        cutIns = List.copyOf(require(cutIns, "cutIns"));
        parked = List.copyOf(require(parked, "parked"));
        statics = List.copyOf(require(statics, "statics"));
        require(potholes, "potholes");
        require(environment, "environment");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidConfigException("preset field 'name' must match [A-Za-z0-9._-]+, got '" + name + "'");
        }
        if (ego.lane() >= road.lanesPerDirection()) {
            throw new InvalidConfigException("preset field 'ego.lane' must be < road.lanesPerDirection ("
                    + road.lanesPerDirection() + "), got " + ego.lane());
        }
        if (!cutIns.isEmpty() && ego.lane() == 0) {
            throw new InvalidConfigException("preset field 'ego.lane' must be >= 1 when cutIns are given (the cut-in "
                    + "vehicle starts in the lane to the ego's left), got 0");
        }
        if (!parked.isEmpty() && road.parkingWidthM() == 0) {
            throw new InvalidConfigException("preset field 'parked' needs road.parkingWidthM > 0, got 0");
        }
        for (Traffic t : traffic) {
            if (t.direction().equals("cross") && !road.intersection()) {
                throw new InvalidConfigException("preset field 'traffic.direction' is 'cross' but road.intersection is false");
            }
        }
        if (!ego.turn().equals("straight") && !road.intersection()) {
            throw new InvalidConfigException("preset field 'ego.turn' is '" + ego.turn()
                    + "' but road.intersection is false");
        }
    }

    /**
     * @param lanesPerDirection 1..4
     * @param laneWidthM        2.5..5
     * @param parkingWidthM     0 (none) or 1.8..3
     * @param pavementWidthM    1..10
     * @param intersection      whether a four-way intersection exists
     * @param intersectionXM    its centre, metres
     * @param crosswalksXM      zebra crossings on the arterial, metres
     * @param buildings         whether building walls line the pavements
     * @param walls             extra free-standing walls
     */
    public record Road(int lanesPerDirection, double laneWidthM, double parkingWidthM, double pavementWidthM,
            boolean intersection, double intersectionXM, List<Double> crosswalksXM, boolean buildings,
            List<Wall> walls) {
        public Road {
            range("road.lanesPerDirection", lanesPerDirection, 1, 4);
            range("road.laneWidthM", laneWidthM, 2.5, 5);
            if (parkingWidthM != 0) {
                range("road.parkingWidthM", parkingWidthM, 1.8, 3);
            }
            range("road.pavementWidthM", pavementWidthM, 1, 10);
            finite("road.intersectionXM", intersectionXM);
            crosswalksXM = List.copyOf(require(crosswalksXM, "road.crosswalksXM"));
            walls = List.copyOf(require(walls, "road.walls"));
        }
    }

    /** A free-standing wall (e.g. a noise barrier), centre and heading in the world frame. */
    public record Wall(double xM, double yM, double yawRad, double lengthM, double thicknessM, double heightM) {
        public Wall {
            finite("walls.xM", xM);
            finite("walls.yM", yM);
            finite("walls.yawRad", yawRad);
            range("walls.lengthM", lengthM, 0.1, 1000);
            range("walls.thicknessM", thicknessM, 0.05, 50);
            range("walls.heightM", heightM, 0.1, 100);
        }
    }

    /**
     * @param lane           0 = next to the centre line
     * @param startXM        start position, metres
     * @param cruiseSpeedMps desired speed, m/s
     * @param turn           {@code straight} or {@code right} at the intersection
     */
    public record Ego(int lane, double startXM, double cruiseSpeedMps, String turn) {
        public Ego {
            range("ego.lane", lane, 0, 3);
            finite("ego.startXM", startXM);
            range("ego.cruiseSpeedMps", cruiseSpeedMps, 0, 40);
            require(turn, "ego.turn");
            oneOf("ego.turn", turn, Set.of("straight", "right"));
        }
    }

    /**
     * A group of vehicles spread along their lanes at the start.
     *
     * @param category       car, truck, bus, motorcycle or bicycle
     * @param count          how many
     * @param direction      {@code same} (as the ego), {@code opposite} or {@code cross} (on the cross road)
     * @param minSpeedMps, maxSpeedMps desired speed range
     * @param turnFraction   fraction turning right at the intersection, 0..1
     * @param stopAndGo      whether their desired speed cycles between 0 and the cruise speed
     */
    public record Traffic(String category, int count, String direction, double minSpeedMps, double maxSpeedMps,
            double turnFraction, boolean stopAndGo) {
        public Traffic {
            require(category, "traffic.category");
            oneOf("traffic.category", category, TRAFFIC_CATEGORIES);
            range("traffic.count", count, 0, 500);
            require(direction, "traffic.direction");
            oneOf("traffic.direction", direction, Set.of("same", "opposite", "cross"));
            range("traffic.minSpeedMps", minSpeedMps, 0, 40);
            range("traffic.maxSpeedMps", maxSpeedMps, minSpeedMps, 40);
            range("traffic.turnFraction", turnFraction, 0, 1);
        }
    }

    /** @param count walkers on the pavements; @param standingFraction fraction that stand still */
    public record Pedestrians(int count, double minSpeedMps, double maxSpeedMps, double standingFraction) {
        public Pedestrians {
            range("pedestrians.count", count, 0, 1000);
            range("pedestrians.minSpeedMps", minSpeedMps, 0, 4);
            range("pedestrians.maxSpeedMps", maxSpeedMps, minSpeedMps, 4);
            range("pedestrians.standingFraction", standingFraction, 0, 1);
        }
    }

    /**
     * A pedestrian who waits at the right-hand kerb at {@code atXM} and crosses to the far side when the
     * ego's front comes within {@code triggerDistanceM}.
     *
     * @param ageGroup {@code child}, {@code adult} or {@code elderly} (sets size)
     */
    public record Crossing(double atXM, double triggerDistanceM, double speedMps, String ageGroup) {
        public Crossing {
            finite("crossings.atXM", atXM);
            range("crossings.triggerDistanceM", triggerDistanceM, 1, 200);
            range("crossings.speedMps", speedMps, 0.2, 4);
            require(ageGroup, "crossings.ageGroup");
            oneOf("crossings.ageGroup", ageGroup, Set.of("child", "adult", "elderly"));
        }
    }

    /**
     * A vehicle that starts {@code startOffsetM} ahead of the ego (negative: behind) in the lane to the
     * ego's left, drives {@code relativeSpeedMps} faster, and changes into the ego lane over
     * {@code durationS} once it is {@code triggerGapM} ahead of the ego's front; afterwards it slows to
     * {@code afterSpeedMps}.
     */
    public record CutIn(String category, double startOffsetM, double relativeSpeedMps, double triggerGapM,
            double durationS, double afterSpeedMps) {
        public CutIn {
            require(category, "cutIns.category");
            oneOf("cutIns.category", category, Set.of("car", "truck", "bus", "motorcycle"));
            range("cutIns.startOffsetM", startOffsetM, -100, 100);
            range("cutIns.relativeSpeedMps", relativeSpeedMps, 0, 20);
            range("cutIns.triggerGapM", triggerGapM, 1, 100);
            range("cutIns.durationS", durationS, 0.5, 10);
            range("cutIns.afterSpeedMps", afterSpeedMps, 0, 40);
        }
    }

    /** A row of parked cars in the {@code left}, {@code right} or {@code both} parking strips. */
    public record Parked(String side, double fromXM, double toXM, double spacingM) {
        public Parked {
            require(side, "parked.side");
            oneOf("parked.side", side, Set.of("left", "right", "both"));
            finite("parked.fromXM", fromXM);
            range("parked.toXM", toXM, fromXM, 1e5);
            range("parked.spacingM", spacingM, 4, 1000);
        }
    }

    /** One placed object; vehicles and bicycles get the attribute parked / without_rider. */
    public record StaticObject(String category, double xM, double yM, double yawRad) {
        public StaticObject {
            require(category, "statics.category");
            oneOf("statics.category", category, STATIC_CATEGORIES);
            finite("statics.xM", xM);
            finite("statics.yM", yM);
            finite("statics.yawRad", yawRad);
        }
    }

    /** {@code count} potholes scattered over the arterial's lanes between {@code fromXM} and {@code toXM}. */
    public record Potholes(int count, double fromXM, double toXM, double minRadiusM, double maxRadiusM,
            double minDepthM, double maxDepthM) {
        public Potholes {
            range("potholes.count", count, 0, 1000);
            finite("potholes.fromXM", fromXM);
            range("potholes.toXM", toXM, fromXM, 1e5);
            range("potholes.minRadiusM", minRadiusM, 0.1, 3);
            range("potholes.maxRadiusM", maxRadiusM, minRadiusM, 3);
            range("potholes.minDepthM", minDepthM, 0.01, 0.5);
            range("potholes.maxDepthM", maxDepthM, minDepthM, 0.5);
        }
    }

    /**
     * @param daylight         1 = full day, 0.15 = night (camera exposure and contrast)
     * @param rain             0..1, camera noise and streaks
     * @param lidarDropout     probability a return is lost, 0..1
     * @param lidarSpurious    probability a ray returns a spurious near point (rain drops), 0..1
     * @param lidarRangeNoiseM standard deviation of range noise, metres
     */
    public record Environment(double daylight, double rain, double lidarDropout, double lidarSpurious,
            double lidarRangeNoiseM) {
        public Environment {
            range("environment.daylight", daylight, 0.05, 1);
            range("environment.rain", rain, 0, 1);
            range("environment.lidarDropout", lidarDropout, 0, 0.9);
            range("environment.lidarSpurious", lidarSpurious, 0, 0.5);
            range("environment.lidarRangeNoiseM", lidarRangeNoiseM, 0, 1);
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new InvalidConfigException("preset field '" + field + "' is missing");
        }
        return value;
    }

    private static void finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidConfigException("preset field '" + field + "' must be finite, got " + v);
        }
    }

    private static void range(String field, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new InvalidConfigException("preset field '" + field + "' must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    private static void oneOf(String field, String v, Set<String> allowed) {
        if (!allowed.contains(Objects.requireNonNull(v))) {
            throw new InvalidConfigException("preset field '" + field + "' must be one of " + new java.util.TreeSet<>(allowed)
                    + ", got '" + v + "'");
        }
    }
}
