package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.onnx.OnnxOptions;
import io.avreplay.perception.compare.Comparison;
import io.avreplay.perception.compare.ComparisonReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay compare LOG... --model A --model B ... --out DIR}: several lidar models on the same logs. */
@Command(name = "compare", mixinStandardHelpOptions = true, footer = ExitCodes.HELP_FOOTER,
        description = {"Run the same logs through several lidar models or backends (camera off) and write one report "
                + "(compare.json, compare.md, compare.html): nuScenes metrics per model and class, latency per frame "
                + "(p50/p90/p99), throughput, peak JVM heap, and agreement with the first model."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LOG", arity = "1..*", description = "Log directories, replayed in order.")
    List<Path> logs;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "'default', a shipped model's name or a model directory (any backend); at least two.")
    List<String> models;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report directory.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (models.size() < 2) {
            throw new InvalidConfigException("--model: expected at least two models to compare, got " + models.size());
        }
        if (Files.exists(out.resolve("compare.json"))) {
            throw new InvalidConfigException("--out " + out + " already holds a comparison");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Comparison.Row> rows;
        try (RootAllocator allocator = Allocators.root()) {
            List<Detector> opened = new ArrayList<>();
            try {
                for (String m : models) {
                    opened.add(ModelOptions.resolve("--model", m, ModelTask.LIDAR_3D, OnnxOptions.defaults(), allocator, err).orElseThrow(
                            () -> new InvalidConfigException("--model: 'none' cannot be compared")));
                }
                rows = Comparison.run(logs, opened, models, out, allocator);
            } finally {
                opened.forEach(Detector::close);
            }
        }
        List<String> logNames = logs.stream().map(Path::toString).toList();
        ComparisonReport.write(out, logNames, rows);
        PrintWriter o = spec.commandLine().getOut();
        o.print(ComparisonReport.markdown(logNames, rows));
        o.flush();
        return ExitCodes.OK;
    }
}
