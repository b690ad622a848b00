package io.avreplay.scenario.synth.world;

/** What a surface is made of: decides lidar reflectivity. */
public enum Material {
    ASPHALT(0.08f), MARKING(0.55f), PAVEMENT(0.18f), POTHOLE(0.04f), WALL(0.30f), BODY(0.45f), GLASS(0.10f),
    TYRE(0.05f), PERSON(0.22f), CYCLE(0.35f), CONE(0.85f), BARRIER(0.70f);

    private final float reflectivity;

    Material(float reflectivity) {
        this.reflectivity = reflectivity;
    }

    /** @return lidar reflectivity 0..1 at normal incidence */
    public float reflectivity() {
        return reflectivity;
    }
}
