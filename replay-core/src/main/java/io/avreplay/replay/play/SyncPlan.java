package io.avreplay.replay.play;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.sync.SyncOptions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which selected streams key the frame sets and which cameras fill them.
 *
 * @param referenceId   the reference sensor id
 * @param referenceSlots its streams (one per log that has it)
 * @param cameraSlots   the selected camera streams other than the reference, sorted by camera id
 *                      then log
 */
record SyncPlan(String referenceId, List<StreamSlot> referenceSlots, List<StreamSlot> cameraSlots) {
    /**
     * @param firstLidar the first lidar id in manifest order of the first log that has a selected one,
     *                   or empty
     * @throws InvalidConfigException when there is no reference or it is not selected
     */
    static SyncPlan resolve(List<StreamSlot> selected, java.util.Optional<String> firstLidar, SyncOptions options) {
        String ref = options.referenceSensor().or(() -> firstLidar).orElseThrow(() -> new InvalidConfigException(
                "sync needs a reference stream: select a lidar or name the reference sensor (selected: "
                        + names(selected) + ")"));
        List<StreamSlot> refs = selected.stream().filter(s -> s.sensorId().equals(ref)).toList();
        if (refs.isEmpty()) {
            throw new InvalidConfigException("sync reference sensor '" + ref + "' is not among the replayed streams ("
                    + names(selected) + ")");
        }
        List<StreamSlot> cams = selected.stream()
                .filter(s -> s.kind() == StreamKind.CAMERA && !s.sensorId().equals(ref)).toList();
        return new SyncPlan(ref, refs, cams);
    }

    private static String names(List<StreamSlot> slots) {
        return slots.stream().map(StreamSlot::sensorId).distinct().collect(Collectors.joining(", "));
    }
}
