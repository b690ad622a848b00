package io.avreplay.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.avreplay.error.InvalidConfigException;
import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.ModelCard;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay models list|export}: the shipped models and their export to ONNX. */
@Command(name = "models", description = "List the shipped models; export a model to ONNX.",
        footer = ExitCodes.HELP_FOOTER, subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Export.class})
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list or export");
    }

    /** {@code models list}: name, task, backends, FLOPs and size of each shipped model. */
    @Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.HELP_FOOTER,
            description = "List the shipped models: task, backends that can run them (NAME runs on the first, "
                    + "NAME@BACKEND on any), GFLOPs per frame, sizes of the DL4J zip and the ONNX export.")
    static final class ListModels extends FormattedCommand {
        /**
         * Every shipped model ships as its DL4J network and its ONNX export: NAME runs on ONNX Runtime, the
         * fastest exact backend; NAME@folded and NAME@dl4j on the DL4J network.
         */
        private static final String BACKENDS = "onnx (default), folded, dl4j";

        @Override
        public Integer call() {
            PrintWriter out = out();
            ArrayNode rows = Json.MAPPER.createArrayNode();
            if (!format.json()) {
                out.printf("%-18s %-10s %-30s %8s %8s %8s %s%n", "NAME", "TASK", "BACKENDS", "GFLOP", "ZIP_KB",
                        "ONNX_KB", "CLASSES");
            }
            for (String name : Detectors.SHIPPED) {
                ModelCard c = Detectors.shippedCard(name);
                long bytes = Detectors.shippedSizeBytes(name);
                long onnxBytes = Detectors.shippedOnnxSizeBytes(name);
                if (format.json()) {
                    rows.addObject().put("name", name).put("task", c.task().name()).put("backends", BACKENDS)
                            .put("flopsPerFrame", c.flopsPerFrame()).put("sizeBytes", bytes)
                            .put("onnxSizeBytes", onnxBytes)
                            .put("classes", String.join(",", c.classes()));
                } else {
                    out.printf("%-18s %-10s %-30s %8.3f %8d %8d %s%n", name, c.task(), BACKENDS, c.flopsPerFrame() / 1e9,
                            bytes / 1024, onnxBytes / 1024, String.join(",", c.classes()));
                }
            }
            if (format.json()) {
                out.println(Json.write(rows));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code models export NAME|DIR --format onnx --out DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true, footer = ExitCodes.HELP_FOOTER,
            description = {"Export a DL4J model (a shipped model's name, its DL4J network, or a model directory) as a "
                    + "model directory "
                    + "holding model.onnx (ONNX opset 13, batch norm folded) and its card.json (backend onnx)."})
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME|DIR", description = "Shipped model name or DL4J model directory.")
        String model;

        @Option(names = "--format", defaultValue = "onnx", paramLabel = "onnx",
                description = "Export format; only onnx (default ${DEFAULT-VALUE}).")
        String exportFormat;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to create.")
        Path out;

        @Option(names = "--overwrite", description = "Replace an existing --out directory.")
        boolean overwrite;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!exportFormat.equals("onnx")) {
                throw new InvalidConfigException("--format: expected onnx, got '" + exportFormat + "'");
            }
            if (Files.exists(out)) {
                if (!overwrite) {
                    throw new InvalidConfigException("--out " + out + " exists; pass --overwrite to replace it");
                }
                io.avreplay.replay.files.FileTrees.deleteQuietly(out);
            }
            ModelCard card = Detectors.exportOnnx(model, out);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("exported %s (%s) to %s: %s + card.json, opset %d%n", card.name(), card.task(), out,
                    ((io.avreplay.perception.api.OnnxBackend) card.backend()).file(),
                    ((io.avreplay.perception.api.OnnxBackend) card.backend()).opset());
            o.flush();
            return ExitCodes.OK;
        }
    }
}
