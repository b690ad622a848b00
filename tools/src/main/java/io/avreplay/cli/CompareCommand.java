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

/**
 * {@code avreplay compare LOG... --model A --model B ... [--camera-model C --camera-model D ...] --out DIR}:
 * several lidar and camera models (or backends of one model) on the same logs.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, footer = ExitCodes.HELP_FOOTER,
        description = {"Run the same logs through several lidar models and/or camera models or backends, one after "
                + "the other, and write one report (compare.json, compare.md, compare.html): nuScenes (lidar) or COCO "
                + "(camera) metrics per model and class, latency per frame (p50/p90/p99), throughput, peak JVM heap "
                + "and peak resident memory, and agreement with the first model of the same task (0.5 m in 3D, "
                + "IoU 0.9 in 2D).",
            "Example: compare LOG --model bev-centernet-s@dl4j --model bev-centernet-s@folded --model bev-centernet-s "
                + "--camera-model cam-centernet-s@dl4j --camera-model cam-centernet-s --out report"})
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LOG", arity = "1..*", description = "Log directories, replayed in order.")
    List<Path> logs;

    @Option(names = {"--model", "--lidar-model"}, paramLabel = "MODEL",
            description = "A lidar model: 'default', a shipped model's name (NAME[@onnx|folded|dl4j]) or a model "
                    + "directory (any backend); repeat it.")
    List<String> models = new ArrayList<>();

    @Option(names = "--camera-model", paramLabel = "MODEL",
            description = "A camera model, as --model; repeat it. The logs then need camera ground truth.")
    List<String> cameraModels = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report directory.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (models.size() + cameraModels.size() < 2) {
            throw new InvalidConfigException("--model/--camera-model: expected at least two models to compare, got "
                    + (models.size() + cameraModels.size()));
        }
        if (Files.exists(out.resolve("compare.json"))) {
            throw new InvalidConfigException("--out " + out + " already holds a comparison");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Comparison.Row> rows;
        List<String> labels = new ArrayList<>(models);
        labels.addAll(cameraModels);
        try (RootAllocator allocator = Allocators.root()) {
            List<Detector> opened = new ArrayList<>();
            try {
                for (int i = 0; i < labels.size(); i++) {
                    boolean lidar = i < models.size();
                    String option = lidar ? "--model" : "--camera-model";
                    // A camera model runs on the loop's camera thread with one ND4J thread (RunPipeline), so its
                    // ONNX session gets one thread too: every camera backend uses one core, every lidar one the
                    // libraries' default.
                    OnnxOptions onnx = lidar ? OnnxOptions.defaults() : new OnnxOptions(1, 0, true);
                    opened.add(ModelOptions.resolve(option, labels.get(i), lidar ? ModelTask.LIDAR_3D
                            : ModelTask.CAMERA_2D, onnx, allocator, err).orElseThrow(
                                    () -> new InvalidConfigException(option + ": 'none' cannot be compared")));
                }
                rows = Comparison.run(logs, opened, labels, out, allocator);
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
