package io.avreplay.eval.nuscenes;

import com.fasterxml.jackson.core.JsonLocation;

/** One nuScenes box as {@link NuScenesJsonReader} read it, before validation. Mutable, reader-private. */
final class NuScenesRawBox {
    int index;
    String recordName;
    JsonLocation location;
    String sampleToken;
    double[] translation;
    double[] size;
    double[] rotation;
    double yaw = Double.NaN;
    double[] velocity;
    String name;
    double score = Double.NaN;
    boolean scoreSeen;
    String attribute;
    int numPts = Integer.MIN_VALUE;

    boolean scoreSeen() {
        return scoreSeen;
    }
}
