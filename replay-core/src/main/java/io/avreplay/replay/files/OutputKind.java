package io.avreplay.replay.files;

/**
 * What kind of output a command publishes, so that {@code --overwrite} replaces only an earlier output of
 * the same kind: a file only a regular file, a directory only a directory holding this kind's marker.
 *
 * @param name          short kind name used in messages and in the marker file, e.g. {@code kitti-labels}
 * @param directory     whether the output is a directory (else a single file)
 * @param marker        for a directory: the file inside it that identifies it as ours (empty for a file)
 * @param writesMarker  whether the publisher writes the marker itself ({@code .avreplay-output} holding the
 *                      kind name); when false the writer's own content provides it (a log's {@code log.json})
 */
public record OutputKind(String name, boolean directory, String marker, boolean writesMarker) {
    /** Marker file the publisher writes into every directory output it owns; it holds the kind name. */
    public static final String OWN_MARKER = ".avreplay-output";

    /** Validates the combination. */
    public OutputKind {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("name must be lower-case letters, digits and '-', got " + name);
        }
        if (marker == null || directory == marker.isEmpty() || (!directory && writesMarker)) {
            throw new IllegalArgumentException("marker must be set exactly for a directory output, got '" + marker
                    + "' for " + name);
        }
    }

    /** A single file (a JSON export, a video, a report). */
    public static OutputKind file(String name) {
        return new OutputKind(name, false, "", false);
    }

    /** A directory the publisher marks as its own with {@value #OWN_MARKER}. */
    public static OutputKind directory(String name) {
        return new OutputKind(name, true, OWN_MARKER, true);
    }

    /** A directory recognised by a file its writer puts there (a log by {@code log.json}). */
    public static OutputKind directoryMarkedBy(String name, String markerFile) {
        return new OutputKind(name, true, markerFile, false);
    }
}
