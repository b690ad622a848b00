package io.avreplay.scenario.synth.camera;

/**
 * Scene lighting for rendering.
 *
 * @param daylight 1 = full day … 0.05 = dark night (ego headlights and lit windows then dominate)
 * @param rain     0..1: fog, sensor noise and streaks
 */
public record Lighting(double daylight, double rain) {
    public Lighting {
        if (!(daylight > 0 && daylight <= 1) || !(rain >= 0 && rain <= 1)) {
            throw new IllegalArgumentException("lighting out of range: daylight=" + daylight + " rain=" + rain);
        }
    }

    public static final Lighting DAY = new Lighting(1, 0);
}
