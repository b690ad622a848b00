package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.mcap.McapLoss;
import java.util.List;
import java.util.Objects;

/**
 * What an MCAP import wrote, and what it could not.
 *
 * @param report   the log written and its checks
 * @param losses   unreadable parts of the bag's files (empty for an intact bag)
 * @param warnings one line each: recovered damage, skipped topics, undecodable messages, missing
 *                 calibration; empty when everything was imported as recorded
 */
public record McapImportResult(ImportReport report, List<McapLoss> losses, List<String> warnings) {
    public McapImportResult {
        Objects.requireNonNull(report, "report");
        losses = List.copyOf(losses);
        warnings = List.copyOf(warnings);
    }
}
