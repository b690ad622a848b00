package io.avreplay.scenario.synth;

import io.avreplay.scenario.catalog.LogRef;
import io.avreplay.scenario.catalog.RecipeGenerator;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Generates the log of a catalogue recipe with the synthesizer (built-in preset name, seed, duration,
 * default rates). Deterministic for a given recipe and tool version; writes atomically through
 * {@link Synthesizer#generate}. The allocator is borrowed, not owned.
 */
public final class SynthRecipeGenerator implements RecipeGenerator {
    private final BufferAllocator allocator;

    public SynthRecipeGenerator(BufferAllocator allocator) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    @Override
    public void generate(LogRef.Recipe recipe, Path out) {
        Synthesizer.generate(Presets.load(recipe.preset()), recipe.seed(), recipe.durationNs(), SynthOptions.defaults(),
                out, allocator);
    }
}
