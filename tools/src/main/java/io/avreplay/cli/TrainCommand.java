package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.train.TrainConfig;
import io.avreplay.perception.train.TrainResult;
import io.avreplay.perception.train.Trainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code avreplay train lidar|camera --logs DIR... --epochs N --out DIR [--resume]}. */
@Command(name = "train", description = "Train the lidar 3D or camera 2D CenterNet on synthesized logs; writes model.zip and "
                + "card.json (with provenance and held-out metrics) into --out, checkpoints into --out/checkpoint.")
final class TrainCommand implements Callable<Integer> {
    /** The models {@code train} knows. */
    enum Which { lidar, camera }

    @Parameters(index = "0", paramLabel = "lidar|camera", description = "Which model to train: ${COMPLETION-CANDIDATES}.")
    Which which;

    @Option(names = "--logs", arity = "1..*", paramLabel = "DIR",
            description = "Training log directories, or folders of them (required unless --rescore).")
    List<Path> logs = List.of();

    @Option(names = "--held-out", arity = "1..*", paramLabel = "DIR",
            description = "Held-out log directories (never trained on) scored into the model card.")
    List<Path> heldOut = List.of();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
    Path out;

    @Option(names = "--epochs", defaultValue = "4", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "8", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--frame-stride", defaultValue = "1",
            description = "Use every n-th frame of each log (default ${DEFAULT-VALUE}).")
    int frameStride;

    @Option(names = "--max-minutes", defaultValue = "0",
            description = "Stop and save after this much training time, 0 = no limit (default ${DEFAULT-VALUE}).")
    double maxMinutes;

    @Option(names = "--resume", description = "Continue from --out/checkpoint when present.")
    boolean resume;

    @Option(names = "--rescore", description = "Do not train: score the model in --out on --held-out with this "
            + "version's metrics and rewrite only its card.json.")
    boolean rescore;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelTask task = switch (which) {
            case lidar -> ModelTask.LIDAR_3D;
            case camera -> ModelTask.CAMERA_2D;
        };
        if (rescore) {
            if (heldOut.isEmpty()) {
                throw new InvalidConfigException("train --rescore needs --held-out logs");
            }
            ModelCard existing = ModelCardJson.read(out.resolve(ModelCardJson.FILE_NAME));
            if (existing.task() != task) {
                throw new InvalidConfigException("train " + which + " --rescore: " + out + " holds a "
                        + existing.task() + " model");
            }
            try (RootAllocator allocator = Allocators.root()) {
                PrintWriter err = spec.commandLine().getErr();
                ModelCard card = Trainer.rescore(out, heldOut, allocator, line -> {
                    err.println(line);
                    err.flush();
                });
                PrintWriter o = spec.commandLine().getOut();
                o.println("rescored " + out);
                o.println("held-out " + card.provenance().heldOutMetrics());
                o.flush();
            }
            return ExitCodes.OK;
        }
        if (logs.isEmpty()) {
            throw new InvalidConfigException("train: --logs is required (training log directories)");
        }
        TrainConfig config;
        try {
            config = TrainConfig.defaults(task, logs, heldOut, out).with(epochs, batch, lr, seed, frameStride,
                    maxMinutes, resume);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("train: " + e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        TrainResult r;
        try (RootAllocator allocator = Allocators.root();
             ProgressReporter.Task steps = ProgressReporter.of(spec).task("steps")) {
            r = Trainer.train(config, allocator, line -> {
                err.println(line);
                err.flush();
            }, steps);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("model " + r.modelDir() + (r.complete() ? "" : " (stopped at time limit)"));
        o.println("held-out " + r.card().provenance().heldOutMetrics());
        o.flush();
        return ExitCodes.OK;
    }
}
