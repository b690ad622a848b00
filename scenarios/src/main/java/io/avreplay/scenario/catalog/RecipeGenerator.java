package io.avreplay.scenario.catalog;

import java.nio.file.Path;

/**
 * Generates the log of a synthesizer recipe. The synthesizer ({@code io.avreplay.scenario.synth}) plugs
 * in here, e.g. {@code (r, out) -> Synthesizer.generate(Presets.load(r.preset()), r.seed(), r.durationNs(),
 * SynthOptions.defaults(), out, allocator)}. Implementations must write atomically (nothing at
 * {@code out} on failure) and be deterministic for the same recipe and tool version.
 */
@FunctionalInterface
public interface RecipeGenerator {
    /**
     * Writes the log of {@code recipe} to {@code out}, which does not exist yet.
     *
     * @throws io.avreplay.error.InvalidConfigException for an unknown preset
     */
    void generate(LogRef.Recipe recipe, Path out);
}
