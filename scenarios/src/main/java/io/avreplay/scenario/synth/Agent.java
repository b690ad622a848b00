package io.avreplay.scenario.synth;

/**
 * One simulated participant (the ego included) and its mutable state during simulation. Created by
 * {@link WorldBuilder}; stepped by {@link TrafficSim}; afterwards only its immutable description
 * (track id, body, role) is used. Not thread-safe.
 */
final class Agent {
    /** What drives an agent's motion. */
    enum Role {
        EGO, VEHICLE, CROSS_VEHICLE, CUT_IN, WALKER, CROSSER, STATIC, POTHOLE;

        boolean drives() {
            return this == EGO || this == VEHICLE || this == CROSS_VEHICLE || this == CUT_IN;
        }
    }

    final String trackId;
    final ActorBody body;
    final Role role;
    final LanePath path;
    /** Static attribute for parked objects ({@code vehicle.parked}, {@code cycle.without_rider}); "" otherwise. */
    final String staticAttribute;

    double s;
    double v;
    double lateral;
    double cruiseMps;
    boolean stopAndGo;
    double stopGoPeriodS;
    double stopGoPhase;
    /** CROSSER: ego front x that releases the pedestrian. CUT_IN: gap ahead of the ego front. */
    double trigger;
    /** CUT_IN: lane-change duration, s; then speed after the manoeuvre. */
    double manoeuvreS;
    double afterMps;
    double lateral0;
    /** Rate of change of {@link #lateral}, m/s (turns the heading during a lane change). */
    double lateralRateMps;
    /** Time the manoeuvre started (CROSSER, CUT_IN), s; NaN before. */
    double startedS = Double.NaN;
    /** CROSS_VEHICLE: arc length of the stop line, m. */
    double stopLineS = Double.POSITIVE_INFINITY;
    /** Potholes only. */
    final int potholeIndex;

    Agent(String trackId, ActorBody body, Role role, LanePath path, double s, double v, String staticAttribute,
            int potholeIndex) {
        this.trackId = trackId;
        this.body = body;
        this.role = role;
        this.path = path;
        this.s = s;
        this.v = v;
        this.cruiseMps = v;
        this.staticAttribute = staticAttribute;
        this.potholeIndex = potholeIndex;
    }

    boolean isStatic() {
        return role == Role.STATIC || role == Role.POTHOLE;
    }
}
