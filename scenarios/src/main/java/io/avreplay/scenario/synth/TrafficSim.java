package io.avreplay.scenario.synth;

import io.avreplay.scenario.synth.world.RoadLayout;
import java.util.List;

/**
 * Steps every agent at {@link Timeline#STEP_NS} and records the result. Vehicles (the ego included)
 * follow their lane paths with the Intelligent Driver Model: they keep a time gap to whatever is in
 * their corridor ahead (vehicles, cyclists, crossing pedestrians, cones), slow down for curves and,
 * on the cross road, yield to arterial traffic. Pedestrians walk at constant speed; crossers wait
 * for the ego, cut-in vehicles change lanes when far enough ahead. Single-threaded and deterministic.
 */
final class TrafficSim {
    private static final double MAX_ACCEL = 1.6;
    private static final double COMFORT_DECEL = 2.5;
    private static final double MAX_DECEL = 8.0;
    private static final double TIME_GAP_S = 1.3;
    private static final double MIN_GAP_M = 2.5;
    private static final double LATERAL_ACCEL = 2.0;

    private final List<Agent> agents;
    private final RoadLayout road;
    private final double[][] pose;

    private TrafficSim(List<Agent> agents, RoadLayout road) {
        this.agents = agents;
        this.road = road;
        this.pose = new double[agents.size()][3];
    }

    /** Simulates {@code steps} steps; agent 0 must be the ego. */
    static Timeline run(List<Agent> agents, RoadLayout road, int steps) {
        TrafficSim sim = new TrafficSim(agents, road);
        Timeline tl = new Timeline(agents.size(), steps);
        double dt = Timeline.STEP_NS / 1e9;
        for (int k = 0; k < steps; k++) {
            double t = k * dt;
            sim.updatePoses();
            for (int a = 0; a < agents.size(); a++) {
                tl.x[a][k] = sim.pose[a][0];
                tl.y[a][k] = sim.pose[a][1];
                tl.yaw[a][k] = sim.pose[a][2];
                tl.speed[a][k] = agents.get(a).v;
            }
            double[] accel = new double[agents.size()];
            for (int a = 0; a < agents.size(); a++) {
                accel[a] = sim.acceleration(a, t);
            }
            for (int a = 0; a < agents.size(); a++) {
                sim.advance(agents.get(a), accel[a], t, dt);
            }
        }
        return tl;
    }

    private void updatePoses() {
        for (int a = 0; a < agents.size(); a++) {
            Agent ag = agents.get(a);
            if (ag.path == null) {
                continue;
            }
            ag.path.poseAt(ag.s, pose[a]);
            if (ag.lateral != 0) {
                double h = pose[a][2];
                pose[a][0] += -Math.sin(h) * ag.lateral;
                pose[a][1] += Math.cos(h) * ag.lateral;
            }
            if (ag.lateralRateMps != 0) {
                pose[a][2] += Math.atan2(ag.lateralRateMps, Math.max(ag.v, 1.0));
            }
        }
    }

    private double acceleration(int a, double t) {
        Agent ag = agents.get(a);
        if (!ag.role.drives()) {
            return 0;
        }
        double desired = ag.cruiseMps;
        if (ag.stopAndGo) {
            double phase = Math.sin(2 * Math.PI * t / ag.stopGoPeriodS + ag.stopGoPhase);
            desired = phase > 0.2 ? ag.cruiseMps : 0;
        }
        double kappa = ag.path.maxCurvature(ag.s, Math.max(15, 2 * ag.v));
        if (kappa > 1e-4) {
            desired = Math.min(desired, Math.sqrt(LATERAL_ACCEL / kappa));
        }
        double gap = Double.POSITIVE_INFINITY;
        double leaderV = 0;
        double[] me = pose[a];
        double c = Math.cos(me[2]);
        double sn = Math.sin(me[2]);
        for (int b = 0; b < agents.size(); b++) {
            Agent other = agents.get(b);
            if (b == a || other.role == Agent.Role.POTHOLE || (other.role == Agent.Role.WALKER)) {
                continue;
            }
            double dx = pose[b][0] - me[0];
            double dy = pose[b][1] - me[1];
            double lon = c * dx + sn * dy;
            double lat = -sn * dx + c * dy;
            double reach = (ag.body.widthM() + other.body.widthM()) / 2 + 0.4;
            if (lon <= 0 || lon > 80 || Math.abs(lat) > reach) {
                continue;
            }
            double g = lon - (ag.body.lengthM() + Math.max(other.body.lengthM(), other.body.widthM())) / 2;
            if (g < gap) {
                gap = g;
                leaderV = other.v * Math.cos(LanePath.angleDiff(pose[b][2], me[2]));
            }
        }
        if (ag.role == Agent.Role.CROSS_VEHICLE && ag.s < ag.stopLineS && arterialBusy()) {
            double g = ag.stopLineS - ag.s - ag.body.lengthM() / 2;
            if (g < gap) {
                gap = g;
                leaderV = 0;
            }
        }
        // free-road term; slowing to a lower desired speed is comfortable, not an emergency stop
        double acc = Math.max(-COMFORT_DECEL, MAX_ACCEL * (1 - Math.pow(ag.v / Math.max(desired, 0.1), 4)));
        if (desired < 0.1) {
            acc = -COMFORT_DECEL * Math.min(1, ag.v);
        }
        if (gap < Double.POSITIVE_INFINITY) {
            double dv = ag.v - Math.max(0, leaderV);
            double sStar = MIN_GAP_M + ag.v * TIME_GAP_S + ag.v * dv / (2 * Math.sqrt(MAX_ACCEL * COMFORT_DECEL));
            acc -= MAX_ACCEL * Math.pow(Math.max(sStar, 0) / Math.max(gap, 0.1), 2);
        }
        return Math.max(-MAX_DECEL, Math.min(MAX_ACCEL, acc));
    }

    private boolean arterialBusy() {
        double h = road.halfRoadM();
        for (int b = 0; b < agents.size(); b++) {
            Agent o = agents.get(b);
            if ((o.role == Agent.Role.VEHICLE || o.role == Agent.Role.EGO || o.role == Agent.Role.CUT_IN)
                    && Math.abs(pose[b][1]) < h && Math.abs(pose[b][0] - road.intersectionXM()) < 35) {
                return true;
            }
        }
        return false;
    }

    private void advance(Agent ag, double accel, double t, double dt) {
        switch (ag.role) {
            case EGO, VEHICLE, CROSS_VEHICLE -> move(ag, accel, dt);
            case CUT_IN -> {
                move(ag, accel, dt);
                cutIn(ag, t, dt);
            }
            case WALKER -> ag.s += ag.v * dt;
            case CROSSER -> cross(ag, t, dt);
            default -> {
            }
        }
    }

    private static void move(Agent ag, double accel, double dt) {
        ag.v = Math.max(0, ag.v + accel * dt);
        ag.s += ag.v * dt;
    }

    private void cutIn(Agent ag, double t, double dt) {
        Agent ego = agents.get(0);
        if (Double.isNaN(ag.startedS)) {
            double gap = (ag.s - ag.body.lengthM() / 2) - (ego.s + ego.body.lengthM() / 2);
            if (gap >= ag.trigger) {
                ag.startedS = t;
                ag.cruiseMps = ag.afterMps;
            }
            return;
        }
        double u = Math.min(1, (t + dt - ag.startedS) / ag.manoeuvreS);
        ag.lateral = ag.lateral0 * (1 - u * u * (3 - 2 * u));
        ag.lateralRateMps = u >= 1 ? 0 : -ag.lateral0 * 6 * u * (1 - u) / ag.manoeuvreS;
    }

    private void cross(Agent ag, double t, double dt) {
        Agent ego = agents.get(0);
        if (Double.isNaN(ag.startedS)) {
            if (ego.s + ego.body.lengthM() / 2 >= ag.trigger) {
                ag.startedS = t;
                ag.v = ag.cruiseMps;
            }
            return;
        }
        if (ag.s < ag.path.length()) {
            ag.s = Math.min(ag.path.length(), ag.s + ag.cruiseMps * dt);
            ag.v = ag.s < ag.path.length() ? ag.cruiseMps : 0;
        }
    }
}
