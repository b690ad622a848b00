package io.avreplay.scenario.synth;

import io.avreplay.scenario.synth.world.RoadLayout;
import io.avreplay.scenario.synth.world.Scene;
import io.avreplay.scenario.synth.world.SolidBox;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated world: static layout and walls plus every agent's recorded motion. Agent 0 is the ego.
 * Immutable after {@link WorldBuilder#build}; thread-safe to query.
 */
final class World {
    final Preset preset;
    final RoadLayout road;
    final List<SolidBox> walls;
    final List<Agent> agents;
    final Timeline timeline;

    World(Preset preset, RoadLayout road, List<SolidBox> walls, List<Agent> agents, Timeline timeline) {
        this.preset = preset;
        this.road = road;
        this.walls = List.copyOf(walls);
        this.agents = List.copyOf(agents);
        this.timeline = timeline;
    }

    /** Writes {@code x, y, yaw, vx, vy, speed} (world frame) of an agent at {@code tNs} after the start. */
    void sample(int agent, long tNs, double[] out) {
        timeline.sample(agent, tNs, out);
    }

    /**
     * The scene at {@code tNs}: walls plus the parts of every actor (not the ego) within {@code radiusM}
     * of the ego.
     */
    Scene sceneAt(long tNs, double radiusM) {
        double[] ego = new double[6];
        sample(0, tNs, ego);
        List<SolidBox> boxes = new ArrayList<>(walls.size() + 4 * agents.size());
        boxes.addAll(walls);
        double[] p = new double[6];
        for (int a = 1; a < agents.size(); a++) {
            Agent ag = agents.get(a);
            if (ag.role == Agent.Role.POTHOLE) {
                continue;
            }
            sample(a, tNs, p);
            if (Math.hypot(p[0] - ego[0], p[1] - ego[1]) > radiusM + ag.body.lengthM()) {
                continue;
            }
            boxes.addAll(ag.body.parts(p[0], p[1], p[2], a));
        }
        return new Scene(road, boxes);
    }
}
