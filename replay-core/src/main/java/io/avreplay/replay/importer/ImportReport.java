package io.avreplay.replay.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an import wrote and verified.
 *
 * @param dataset  {@code kitti}, {@code av2} or {@code nuscenes}
 * @param source   the dataset path imported
 * @param logs     the log directories written, in order
 * @param frames   sensor frames written (lidar sweeps plus camera images) over all logs
 * @param boxes3d  3D ground-truth boxes written
 * @param checks   the verifications run against the source's own facts
 */
public record ImportReport(String dataset, Path source, List<Path> logs, int frames, int boxes3d,
        List<ImportCheck> checks) {
    public ImportReport {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(source, "source");
        logs = List.copyOf(logs);
        checks = List.copyOf(checks);
    }

    /** @return true when every check is satisfied */
    public boolean allSatisfied() {
        return checks.stream().allMatch(ImportCheck::satisfied);
    }
}
