package io.avreplay.scenario.synth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.log.LogManifest;
import java.util.List;
import java.util.Objects;

/**
 * A scripted event that really happened in a synthesized log's ground truth, recorded in the manifest
 * tag {@value #TAG} as a JSON array so that scenario miners can be checked against the truth.
 *
 * @param type    {@value #PEDESTRIAN_CROSSING} (a pedestrian on the carriageway ahead of the ego, from
 *                stepping off the kerb to reaching the far side) or {@value #CUT_IN} (a vehicle moving
 *                into the ego lane ahead, from the start to the end of its lane change)
 * @param trackId the actor's track id in the 3D ground truth
 * @param startNs first timestamp of the event, ns (log time base)
 * @param endNs   last timestamp of the event, ns, ≥ {@code startNs}
 */
public record SynthEvent(String type, String trackId, long startNs, long endNs) {
    public static final String TAG = "synth.events";
    public static final String PEDESTRIAN_CROSSING = "pedestrian_crossing";
    public static final String CUT_IN = "cut_in";
    private static final ObjectMapper JSON = new ObjectMapper();

    public SynthEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trackId, "trackId");
        if (endNs < startNs) {
            throw new IllegalArgumentException("event endNs must be >= startNs, got " + startNs + ".." + endNs);
        }
    }

    /** @return the events recorded in a synthesized log's manifest (empty for other logs) */
    public static List<SynthEvent> fromManifest(LogManifest manifest) {
        String json = manifest.tags().get(TAG);
        if (json == null) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, new TypeReference<List<SynthEvent>>() { }));
        } catch (JacksonException e) {
            throw new BadInputException("log.json: tag '" + TAG + "' is not a JSON list of events: " + e.getOriginalMessage(), e);
        }
    }

    static String toJson(List<SynthEvent> events) {
        try {
            return JSON.writeValueAsString(events);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise events", e);
        }
    }
}
