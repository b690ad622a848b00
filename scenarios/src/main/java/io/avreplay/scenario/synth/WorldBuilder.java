package io.avreplay.scenario.synth;

import io.avreplay.scenario.synth.world.Material;
import io.avreplay.scenario.synth.world.Pothole;
import io.avreplay.scenario.synth.world.RoadLayout;
import io.avreplay.scenario.synth.world.SolidBox;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the world of a preset and seed: road layout, building walls and every agent with its path and
 * behaviour, then simulates it. All random draws come from one {@link SplittableRandom} in a fixed
 * order, so the world is a pure function of (preset, seed, duration).
 */
final class WorldBuilder {
    static final String EGO_TRACK = "ego";
    private static final int[] CAR_COLOURS = {0xb01e1e, 0x1e3c8c, 0xe0e0e0, 0x202020, 0x8a8a8a, 0x2f6b3a, 0xc8a040,
        0x6a2a6a, 0x3c6ea0, 0xd06020};
    private static final int[] CLOTHES = {0xa03030, 0x305080, 0x40a040, 0xc0a030, 0x704090, 0x808080, 0xd06080};

    private final Preset preset;
    private final SplittableRandom rng;
    private final List<Agent> agents = new ArrayList<>();
    private final List<SolidBox> walls = new ArrayList<>();
    private final double durationS;
    private RoadLayout road;
    private double egoY;
    private int nextId = 1;

    private WorldBuilder(Preset preset, long seed, double durationS) {
        this.preset = preset;
        this.rng = new SplittableRandom(seed);
        this.durationS = durationS;
    }

    /** Builds and simulates the world for {@code durationNs} (plus one step). */
    static World build(Preset preset, long seed, long durationNs) {
        WorldBuilder b = new WorldBuilder(preset, seed, durationNs / 1e9);
        b.layout();
        b.buildings();
        b.ego();
        for (Preset.Traffic t : preset.traffic()) {
            b.traffic(t);
        }
        b.walkers();
        b.crossers();
        b.cutIns();
        b.parked();
        b.statics();
        b.potholeAgents();
        int steps = (int) Math.max(2, durationNs / Timeline.STEP_NS + 2);
        Timeline tl = TrafficSim.run(b.agents, b.road, steps);
        return new World(preset, b.road, b.walls, b.agents, tl);
    }

    private double uniform(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private String id(String category) {
        return String.format(java.util.Locale.ROOT, "%s-%04d", category, nextId++);
    }

    private void layout() {
        Preset.Road r = preset.road();
        double lanes = r.lanesPerDirection() * r.laneWidthM();
        List<Pothole> holes = new ArrayList<>();
        Preset.Potholes p = preset.potholes();
        egoY = -(preset.ego().lane() + 0.5) * r.laneWidthM();
        for (int i = 0; i < p.count(); i++) {
            double radius = uniform(p.minRadiusM(), p.maxRadiusM());
            double x = uniform(p.fromXM(), p.toXM());
            double y = rng.nextDouble() < 0.5 ? egoY + uniform(-0.35, 0.35) * r.laneWidthM()
                    : uniform(-lanes + radius, lanes - radius);
            holes.add(new Pothole(-1, x, y, radius, uniform(p.minDepthM(), p.maxDepthM()), uniform(0, 6.283),
                    uniform(0, 6.283)));
        }
        road = new RoadLayout(r.lanesPerDirection(), r.laneWidthM(), r.parkingWidthM(), r.pavementWidthM(),
                r.intersection(), r.intersectionXM(), r.crosswalksXM(), holes);
    }

    private void buildings() {
        Preset.Road r = preset.road();
        for (Preset.Wall w : r.walls()) {
            walls.add(new SolidBox(w.xM(), w.yM(), 0, w.heightM(), w.lengthM(), w.thicknessM(), w.yawRad(),
                    SolidBox.NO_OWNER, Material.WALL, 0x9a9088));
        }
        if (!r.buildings()) {
            return;
        }
        double line = road.buildingLineM();
        double start = preset.ego().startXM() - 120;
        double end = preset.ego().startXM() + preset.ego().cruiseSpeedMps() * durationS + 400;
        double depth = 10;
        for (int side = -1; side <= 1; side += 2) {
            double x = start;
            while (x < end) {
                double len = uniform(15, 40);
                double gap = uniform(2, 5);
                double cxm = x + len / 2;
                boolean clear = !r.intersection() || Math.abs(cxm - r.intersectionXM()) > line + len / 2 + 1;
                if (clear) {
                    walls.add(new SolidBox(cxm, side * (line + depth / 2), 0, uniform(6, 20), len, depth, 0,
                            SolidBox.NO_OWNER, Material.WALL, facade()));
                }
                x += len + gap;
            }
            if (r.intersection()) {
                for (int dir = -1; dir <= 1; dir += 2) {
                    double y = line + 2;
                    while (y < 250) {
                        double len = uniform(15, 40);
                        walls.add(new SolidBox(r.intersectionXM() + side * (line + depth / 2), dir * (y + len / 2), 0,
                                uniform(6, 20), depth, len, 0, SolidBox.NO_OWNER, Material.WALL, facade()));
                        y += len + uniform(2, 5);
                    }
                }
            }
        }
    }

    private int facade() {
        int[] tones = {0xa89880, 0x8c7f74, 0xb8b0a0, 0x9c6b5a, 0x7c8490, 0xc0b8a8};
        return tones[rng.nextInt(tones.length)];
    }

    private void ego() {
        Preset.Ego e = preset.ego();
        ActorBody body = new ActorBody("car", 4.6, 1.9, 1.6, 0xf0f0f0, false);
        LanePath path;
        if (e.turn().equals("right")) {
            double exitX = road.intersectionXM() - (preset.ego().lane() + 0.5) * road.laneWidthM();
            path = LanePath.turn(e.startXM(), egoY, exitX, egoY, exitX, -3000, 7);
        } else {
            path = LanePath.straight(e.startXM(), egoY, 0, 5000);
        }
        agents.add(new Agent(EGO_TRACK, body, Agent.Role.EGO, path, 0, e.cruiseSpeedMps(), "", -1));
    }

    private void traffic(Preset.Traffic t) {
        double w = road.laneWidthM();
        int n = road.lanesPerDirection();
        double ex = preset.ego().startXM();
        for (int i = 0; i < t.count(); i++) {
            ActorBody body = ActorBody.of(t.category(), rng.nextDouble(), CAR_COLOURS[rng.nextInt(CAR_COLOURS.length)]);
            boolean cycle = t.category().equals("bicycle");
            int lane = cycle ? n - 1 : rng.nextInt(n);
            double speed = uniform(t.minSpeedMps(), t.maxSpeedMps());
            boolean turns = rng.nextDouble() < t.turnFraction();
            LanePath path;
            Agent.Role role = Agent.Role.VEHICLE;
            double stopLine = Double.POSITIVE_INFINITY;
            switch (t.direction()) {
                case "same" -> {
                    double x0 = freeSpot(uniform(ex - 60, ex + 300), -(lane + 0.5) * w, body);
                    if (Double.isNaN(x0)) {
                        continue;
                    }
                    double y0 = -(lane + 0.5) * w;
                    double xi = road.intersectionXM();
                    if (turns && road.intersection() && x0 < xi - road.halfRoadM() - 10) {
                        double exitX = xi - (lane + 0.5) * w;
                        path = LanePath.turn(x0, y0, exitX, y0, exitX, -3000, 7);
                    } else {
                        path = LanePath.straight(x0, y0, 0, 5000);
                    }
                }
                case "opposite" -> {
                    double y0 = (lane + 0.5) * w;
                    double x0 = freeSpot(uniform(ex - 50, ex + 500), y0, body);
                    if (Double.isNaN(x0)) {
                        continue;
                    }
                    path = LanePath.straight(x0, y0, Math.PI, 5000);
                }
                default -> {
                    boolean north = rng.nextBoolean();
                    double dist = uniform(road.halfRoadM() + 8, 250);
                    double x0 = road.intersectionXM() + (north ? 1 : -1) * (lane + 0.5) * w;
                    path = LanePath.straight(x0, north ? -dist : dist, north ? Math.PI / 2 : -Math.PI / 2, 5000);
                    role = Agent.Role.CROSS_VEHICLE;
                    stopLine = dist - road.halfRoadM() - 1.5;
                }
            }
            Agent a = new Agent(id(t.category()), body, role, path, 0, speed, "", -1);
            a.stopLineS = stopLine;
            a.stopAndGo = t.stopAndGo();
            a.stopGoPeriodS = uniform(8, 14);
            a.stopGoPhase = uniform(0, 2 * Math.PI);
            if (cycle) {
                a.lateral = -(w / 2 - 0.7);
            }
            agents.add(a);
        }
    }

    /** @return {@code x} if no agent on the line {@code y} is within a safe gap of it, else NaN */
    private double freeSpot(double x, double y, ActorBody body) {
        double[] p = new double[3];
        for (Agent o : agents) {
            if (o.path == null) {
                continue;
            }
            o.path.poseAt(o.s, p);
            double margin = o.role == Agent.Role.EGO ? 20 : 6;
            if (Math.abs(p[1] - y) < 1.0 && Math.abs(p[0] - x) < (o.body.lengthM() + body.lengthM()) / 2 + margin) {
                return Double.NaN;
            }
        }
        if (!preset.cutIns().isEmpty()) {
            // keep the ego lane and the lane it is cut from clear around the ego so the manoeuvres happen
            double w = road.laneWidthM();
            double ex = preset.ego().startXM();
            boolean reservedLane = Math.abs(y - egoY) < 1.0 || Math.abs(y - (egoY + w)) < 1.0;
            if (reservedLane && x > ex - 120 && x < ex + 250) {
                return Double.NaN;
            }
        }
        return x;
    }

    private void walkers() {
        Preset.Pedestrians p = preset.pedestrians();
        double ex = preset.ego().startXM();
        for (int i = 0; i < p.count(); i++) {
            double u = rng.nextDouble();
            String age = u < 0.1 ? "child" : u < 0.2 ? "elderly" : "adult";
            ActorBody body = ActorBody.pedestrian(age, rng.nextDouble(), CLOTHES[rng.nextInt(CLOTHES.length)]);
            int side = rng.nextBoolean() ? 1 : -1;
            double y = side * (road.halfRoadM() + road.pavementWidthM() * uniform(0.25, 0.75));
            double heading = rng.nextBoolean() ? 0 : Math.PI;
            double speed = rng.nextDouble() < p.standingFraction() ? 0 : uniform(p.minSpeedMps(), p.maxSpeedMps());
            LanePath path = LanePath.straight(uniform(ex - 60, ex + 350), y, heading, 1000);
            agents.add(new Agent(id("pedestrian"), body, Agent.Role.WALKER, path, 0, speed, "", -1));
        }
    }

    private void crossers() {
        double half = road.halfRoadM() + 0.8;
        double ex = preset.ego().startXM();
        for (Preset.Crossing c : preset.crossings()) {
            ActorBody body = ActorBody.pedestrian(c.ageGroup(), rng.nextDouble(), CLOTHES[rng.nextInt(CLOTHES.length)]);
            LanePath path = LanePath.straight(c.atXM(), -half, Math.PI / 2, 2 * half);
            Agent a = new Agent(id("pedestrian"), body, Agent.Role.CROSSER, path, 0, 0, "", -1);
            a.cruiseMps = c.speedMps();
            a.trigger = c.atXM() - c.triggerDistanceM() - ex;
            agents.add(a);
        }
    }

    private void cutIns() {
        double ex = preset.ego().startXM();
        for (Preset.CutIn c : preset.cutIns()) {
            ActorBody body = ActorBody.of(c.category(), rng.nextDouble(), CAR_COLOURS[rng.nextInt(CAR_COLOURS.length)]);
            LanePath path = LanePath.straight(ex, egoY, 0, 5000);
            double speed = preset.ego().cruiseSpeedMps() + c.relativeSpeedMps();
            Agent a = new Agent(id(c.category()), body, Agent.Role.CUT_IN, path, c.startOffsetM(), speed, "", -1);
            a.lateral0 = road.laneWidthM();
            a.lateral = a.lateral0;
            a.trigger = c.triggerGapM();
            a.manoeuvreS = c.durationS();
            a.afterMps = c.afterSpeedMps();
            agents.add(a);
        }
    }

    private void parked() {
        double lanes = road.lanesPerDirection() * road.laneWidthM();
        for (Preset.Parked p : preset.parked()) {
            for (int side = -1; side <= 1; side += 2) {
                if ((side < 0 && p.side().equals("left")) || (side > 0 && p.side().equals("right"))) {
                    continue;
                }
                double y = side * (lanes + road.parkingWidthM() / 2);
                for (double x = p.fromXM(); x <= p.toXM(); x += p.spacingM()) {
                    ActorBody body = ActorBody.of("car", rng.nextDouble(), CAR_COLOURS[rng.nextInt(CAR_COLOURS.length)]);
                    double cx = x + uniform(0, 1.5);
                    if (blocksWalkway(cx, body.lengthM())) {
                        continue;
                    }
                    placeStatic("car", body, cx, y, side < 0 ? 0 : Math.PI, "vehicle.parked");
                }
            }
        }
    }

    private boolean blocksWalkway(double x, double len) {
        Preset.Road r = preset.road();
        if (r.intersection() && Math.abs(x - r.intersectionXM()) < road.buildingLineM() + len / 2 + 3) {
            return true;
        }
        for (double c : r.crosswalksXM()) {
            if (Math.abs(x - c) < len / 2 + 3) {
                return true;
            }
        }
        for (Preset.Crossing c : preset.crossings()) {
            if (Math.abs(x - c.atXM()) < len / 2 + 1.2) {
                return true;
            }
        }
        return false;
    }

    private void statics() {
        for (Preset.StaticObject s : preset.statics()) {
            ActorBody body = ActorBody.of(s.category(), rng.nextDouble(), CAR_COLOURS[rng.nextInt(CAR_COLOURS.length)]);
            String attr = switch (s.category()) {
                case "car", "truck" -> "vehicle.parked";
                case "bicycle" -> "cycle.without_rider";
                default -> "";
            };
            if (s.category().equals("bicycle")) {
                body = body.withoutRider();
            }
            placeStatic(s.category(), body, s.xM(), s.yM(), s.yawRad(), attr);
        }
    }

    private void placeStatic(String category, ActorBody body, double x, double y, double yaw, String attribute) {
        agents.add(new Agent(id(category), body, Agent.Role.STATIC, LanePath.straight(x, y, yaw, 1), 0, 0, attribute, -1));
    }

    private void potholeAgents() {
        List<Pothole> holes = road.potholes();
        List<Pothole> owned = new ArrayList<>();
        for (int i = 0; i < holes.size(); i++) {
            Pothole h = holes.get(i);
            double[] e = h.extent();
            ActorBody body = new ActorBody("pothole", e[1] - e[0], e[3] - e[2], h.depthM() + 0.1, 0x202020, false);
            Agent a = new Agent(id("pothole"), body, Agent.Role.POTHOLE,
                    LanePath.straight((e[0] + e[1]) / 2, (e[2] + e[3]) / 2, 0, 1), 0, 0, "", i);
            owned.add(new Pothole(agents.size(), h.x(), h.y(), h.radiusM(), h.depthM(), h.phaseA(), h.phaseB()));
            agents.add(a);
        }
        road = new RoadLayout(road.lanesPerDirection(), road.laneWidthM(), road.parkingWidthM(), road.pavementWidthM(),
                road.intersection(), road.intersectionXM(), road.crosswalksXM(), owned);
    }
}
