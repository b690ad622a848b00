package io.avreplay.cli;

import io.avreplay.replay.time.DurationGrammar;
import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.Coverage;
import io.avreplay.scenario.catalog.LogProvider;
import io.avreplay.scenario.catalog.LogRoot;
import io.avreplay.scenario.synth.SynthRecipeGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay scenarios coverage CATALOG [--logs ROOT]}. */
@Command(name = "coverage", description = {"Count scenarios, window duration and (with --logs) object instances by tag value and class, "
                + "and name the tag values and classes with too little data.",
            "Without --logs, instances are not counted (shown as '-'). Recipe logs must be cached under ROOT."})
final class CoverageCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CATALOG", description = "Catalogue directory or scenario file.")
    Path catalog;

    @Option(names = "--logs", paramLabel = "ROOT", description = "Log root, to count object instances in the windows.")
    Optional<Path> logs;

    @Option(names = "--min-scenarios", defaultValue = "2", description = "Fewer scenarios than this is thin (default 2).")
    int minScenarios;

    @Option(names = "--min-duration", defaultValue = "30s", description = "Less window time than this is thin (default 30s).")
    String minDuration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Catalog c = ScenariosCommand.reader().read(catalog);
        long minNs = DurationGrammar.parseNs("--min-duration", minDuration);
        Coverage cov;
        try (RootAllocator allocator = Allocators.root()) {
            Optional<LogProvider> provider = logs.map(r -> new LogRoot(r, Optional.of(new SynthRecipeGenerator(allocator))));
            cov = Coverage.of(c, provider, allocator, minScenarios, minNs);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d scenarios, %.1f s of windows%s%n", cov.scenarios(), cov.durationNs() / 1e9,
                cov.instancesCounted() ? "" : "; object instances not counted (give --logs ROOT)");
        print(out, "tag", cov.byTag());
        print(out, "class", cov.byClass());
        out.println("too little data (" + cov.thin().size() + "):");
        cov.thin().forEach(t -> out.println("  " + t));
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, String what, java.util.List<Coverage.Bucket> buckets) {
        out.printf("%-32s %9s %10s %10s%n", what, "scenarios", "duration_s", "instances");
        for (Coverage.Bucket b : buckets) {
            out.printf("%-32s %9d %10.1f %10s%n", b.name(), b.scenarios(), b.durationNs() / 1e9,
                    b.instances() < 0 ? "-" : String.valueOf(b.instances()));
        }
    }
}
