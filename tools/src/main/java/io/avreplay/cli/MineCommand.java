package io.avreplay.cli;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.scenario.gate.NuScenesScenarioScorer;
import io.avreplay.scenario.mining.MinedScenarios;
import io.avreplay.scenario.mining.MinedWindow;
import io.avreplay.scenario.mining.Miner;
import io.avreplay.scenario.mining.MiningLog;
import io.avreplay.scenario.mining.RuleReader;
import io.avreplay.scenario.mining.RuleSet;
import io.avreplay.scenario.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay scenarios mine LOG... [--rules RULES.yaml] --out CATALOG}. */
@Command(name = "mine", description = {"Find windows in the logs' ground truth and ego motion with rules, and write one scenario file "
                + "per window (with provenance) into a catalogue directory.",
            "Default rules: scenarios/rules/default.yaml (built in). Nothing is written when any input is bad or a "
                + "scenario file already exists (unless --force)."})
final class MineCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log directories.")
    List<Path> logs;

    @Option(names = "--rules", paramLabel = "RULES.yaml", description = "Rule file (default: the built-in rules).")
    Optional<Path> rules;

    @Option(names = "--out", required = true, paramLabel = "CATALOG", description = "Catalogue directory to write to.")
    Path out;

    @Option(names = "--log-root", paramLabel = "ROOT",
            description = "Log root the scenarios' log paths are relative to (default: each log's parent directory).")
    Optional<Path> logRoot;

    @Option(names = "--force", description = "Overwrite existing scenario files.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuleReader reader = new RuleReader(new NuScenesScenarioScorer().knownClasses());
        RuleSet set = rules.map(reader::read).orElseGet(reader::readDefault);
        Miner miner = new Miner(set);
        Map<Path, String> files = new LinkedHashMap<>();
        try (RootAllocator allocator = Allocators.root()) {
            for (Path log : logs) {
                String rel = relative(log);
                MiningLog ml;
                try (LogReader r = LogReader.open(log, allocator)) {
                    ml = Miner.load(r);
                }
                Map<String, Integer> perRule = new HashMap<>();
                for (MinedWindow w : miner.mine(ml)) {
                    int k = perRule.merge(w.rule().id(), 1, Integer::sum) - 1;
                    Path f = out.resolve(MinedScenarios.id(w, k) + ".yaml");
                    if (files.put(f, MinedScenarios.toYaml(w, k, rel, ml.startNs(), set.source())) != null) {
                        throw new BadInputException(log + ": log id '" + ml.logId() + "' mined twice; scenario " + f
                                + " would be written twice");
                    }
                }
            }
        }
        for (Path f : files.keySet()) {
            if (Files.exists(f) && !force) {
                throw new BadInputException(f + ": scenario file exists (use --force to overwrite); nothing written");
            }
        }
        files.forEach(ReportFiles::write);
        PrintWriter o = spec.commandLine().getOut();
        files.keySet().forEach(f -> o.println("wrote " + f));
        o.println(files.size() + " scenarios mined from " + logs.size() + " log(s) with " + set.source());
        o.flush();
        return ExitCodes.OK;
    }

    private String relative(Path log) {
        Path abs = log.toAbsolutePath().normalize();
        if (logRoot.isEmpty()) {
            return abs.getFileName().toString();
        }
        Path root = logRoot.get().toAbsolutePath().normalize();
        if (!abs.startsWith(root) || abs.equals(root)) {
            throw new BadInputException(log + ": not inside the log root " + root);
        }
        return root.relativize(abs).toString().replace('\\', '/');
    }
}
