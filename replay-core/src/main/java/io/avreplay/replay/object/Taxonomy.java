package io.avreplay.replay.object;

/** A source of category names that {@link CategoryTable} maps to the evaluation classes. */
public enum Taxonomy {
    /** The evaluation classes themselves (the ten nuScenes detection classes); each maps to itself. */
    EVAL,
    /** nuScenes' general categories ({@code category.name}, e.g. {@code vehicle.car}). */
    NUSCENES,
    /** KITTI object types ({@code Car}, {@code Van}, ...; the importer stores them in lower case). */
    KITTI,
    /** Argoverse 2 categories ({@code REGULAR_VEHICLE}, ...; the importer stores them in lower case). */
    AV2,
    /** The testbed synthesizer's actor classes. */
    SYNTH
}
