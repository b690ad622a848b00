package io.avreplay.scenario.view;

import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.LogRef;
import io.avreplay.scenario.catalog.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A catalogue scenario's time window on the viewed log.
 *
 * @param id            scenario id
 * @param title         one line
 * @param startOffsetNs window start, ns after the log's start
 * @param endOffsetNs   window end, ns after the log's start ({@code >= startOffsetNs})
 */
public record ScenarioWindow(String id, String title, long startOffsetNs, long endOffsetNs) {
    /** @throws IllegalArgumentException when a field is missing or the window is reversed */
    public ScenarioWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (endOffsetNs < startOffsetNs) {
            throw new IllegalArgumentException("scenario " + id + ": endOffsetNs " + endOffsetNs + " < startOffsetNs "
                    + startOffsetNs);
        }
    }

    /**
     * The windows of the scenarios whose log is this one: a log path whose last element is the log
     * directory's name, or a synthesizer recipe whose cache path ends with it.
     *
     * @param catalog    the catalogue
     * @param logDir     the viewed log's directory
     * @param logStartNs the log's first timestamp, ns
     * @return the windows in catalogue order
     */
    public static List<ScenarioWindow> of(Catalog catalog, Path logDir, long logStartNs) {
        String name = logDir.toAbsolutePath().normalize().getFileName().toString();
        List<ScenarioWindow> out = new ArrayList<>();
        for (Scenario s : catalog.scenarios()) {
            String ref = s.log() instanceof LogRef.LogPath p ? p.relativePath() : ((LogRef.Recipe) s.log()).cachePath();
            String last = Path.of(ref).getFileName() == null ? ref : Path.of(ref).getFileName().toString();
            if (last.equals(name)) {
                long[] w = s.window().absolute(logStartNs);
                out.add(new ScenarioWindow(s.id(), s.title(), w[0] - logStartNs, w[1] - logStartNs));
            }
        }
        return out;
    }
}
