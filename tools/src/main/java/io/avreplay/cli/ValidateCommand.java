package io.avreplay.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.replay.inspect.LogValidator;
import io.avreplay.replay.inspect.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code avreplay validate LOG}: exit 0 when clean, 1 with problems (all listed), 3 when unreadable. */
@Command(name = "validate", description = {"Check a log: a self-consistent manifest, every file's checksum, timestamps strictly "
                + "increasing per stream, gaps over 1.5x the nominal (90th-percentile) period, every sensor "
                + "calibrated, annotations inside the sensors' time span, NaN/inf in points or boxes. "
                + "When a checksum fails, every failing file is listed and the contents are not checked.",
            "Exits 0 when clean, 1 when problems were found (all are listed; repeats of one check in one file "
                + "as one line with their count, first and last), 3 when the log is unreadable (no or malformed "
                + "manifest, a missing or resized file)."})
final class ValidateCommand extends FormattedCommand {
    @Parameters(index = "0", paramLabel = "LOG", description = "Log directory.")
    Path log;

    @Override
    public Integer call() {
        List<Problem> problems;
        try (RootAllocator allocator = Allocators.root()) {
            problems = LogValidator.validate(log, allocator);
        }
        PrintWriter out = out();
        if (format.json()) {
            ObjectNode root = Json.object();
            root.put("log", log.toString());
            root.put("valid", problems.isEmpty());
            ArrayNode arr = root.putArray("problems");
            for (Problem p : problems) {
                arr.addObject().put("check", p.check()).put("location", p.location()).put("message", p.message());
            }
            out.println(Json.write(root));
        } else if (problems.isEmpty()) {
            out.println(log + ": OK");
        } else {
            for (Problem p : problems) {
                out.println(io.avreplay.replay.inspect.TerminalText.escape(p.toString()));
            }
            out.println(log + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        }
        out.flush();
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
