package io.avreplay.scenario.catalog;

import io.avreplay.scenario.synth.Synthesizer;
import io.avreplay.replay.log.ToolVersion;
import java.util.Objects;

/** Where a scenario's log comes from: a directory under the log root, or a synthesizer recipe. */
public sealed interface LogRef permits LogRef.LogPath, LogRef.Recipe {
    /**
     * A log directory relative to the log root; never absolute, never with {@code ..} (checked when read and
     * again, with symlinks resolved, by {@link LogRoot}).
     *
     * @param relativePath forward-slash path, e.g. {@code drives/2024-05-01/log-003}
     */
    record LogPath(String relativePath) implements LogRef {
        public LogPath {
            Objects.requireNonNull(relativePath, "relativePath");
        }

        @Override
        public String toString() {
            return relativePath;
        }
    }

    /**
     * A log the synthesizer generates on first use and caches under the log root.
     *
     * @param preset     a synthesizer preset name, e.g. {@code cut-in}
     * @param seed       the random seed
     * @param durationNs log length, ns, &gt; 0
     */
    record Recipe(String preset, long seed, long durationNs) implements LogRef {
        public Recipe {
            Objects.requireNonNull(preset, "preset");
            if (!preset.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
                throw new IllegalArgumentException("preset must be a name like 'cut-in', got '" + preset + "'");
            }
            if (durationNs <= 0 || durationNs > Synthesizer.MAX_DURATION_NS) {
                throw new IllegalArgumentException("duration must be > 0 s and <= "
                        + Synthesizer.MAX_DURATION_NS / 1_000_000_000L + " s, got " + durationNs / 1e9 + " s");
            }
        }

        /** @return the cache directory, relative to the log root: {@code .synth/VERSION/PRESET-seedS-Dms} */
        public String cachePath() {
            return ".synth/" + ToolVersion.current() + "/" + preset + "-seed" + seed + "-" + durationNs / 1_000_000 + "ms";
        }

        @Override
        public String toString() {
            return "recipe " + preset + " seed " + seed + " " + durationNs / 1e9 + " s";
        }
    }
}
