package io.avreplay.cli;

import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.CatalogReader;
import io.avreplay.scenario.catalog.Scenario;
import io.avreplay.scenario.gate.NuScenesScenarioScorer;
import io.avreplay.scenario.gate.Gate;
import io.avreplay.scenario.yaml.YamlFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay scenarios list|show|validate|coverage|mine}: the scenario catalogue. */
@Command(name = "scenarios", description = "Scenario catalogue: list, show, validate, coverage, mine.",
        subcommands = {ScenariosCommand.ListCommand.class, ScenariosCommand.ShowCommand.class,
            ScenariosCommand.ValidateScenarios.class, CoverageCommand.class, MineCommand.class})
final class ScenariosCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** The reader every subcommand uses: classes of the built-in scorer, default size limit. */
    static CatalogReader reader() {
        return new CatalogReader(new NuScenesScenarioScorer().knownClasses(), YamlFiles.DEFAULT_MAX_BYTES);
    }

    /** A subcommand that reads the catalogue named by its first parameter. */
    abstract static class OnCatalog implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CATALOG", description = "Catalogue directory or scenario file.")
        Path catalog;

        @Spec
        CommandSpec spec;

        /** @throws io.avreplay.error.BadInputException naming the file, line and field of the first error */
        Catalog read() {
            return reader().read(catalog);
        }
    }

    @Command(name = "list", description = "List the scenarios of a catalogue: id, log, window, classes, title.")
    static final class ListCommand extends OnCatalog {
        @Override
        public Integer call() {
            Catalog c = read();
            PrintWriter out = spec.commandLine().getOut();
            for (Scenario s : c.scenarios()) {
                out.printf("%-36s %-44s %-12s %-28s %s%n", s.id(), s.log(), s.window(), String.join(",", s.classes()),
                        s.title());
            }
            out.println(c.scenarios().size() + " scenarios");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one scenario of a catalogue.")
    static final class ShowCommand extends OnCatalog {
        @Parameters(index = "1", paramLabel = "ID", description = "Scenario id.")
        String id;

        @Override
        public Integer call() {
            Catalog c = read();
            Scenario s = c.byId(id).orElseThrow(() -> new io.avreplay.error.BadInputException(
                    catalog + ": no scenario with id '" + id + "'"));
            PrintWriter out = spec.commandLine().getOut();
            out.println("id:          " + s.id());
            out.println("title:       " + s.title());
            out.println("description: " + s.description().strip());
            out.println("file:        " + s.source().file());
            out.println("log:         " + s.log());
            out.println("window:      " + s.window());
            out.println("tags:        " + s.tags().entrySet().stream().map(e -> e.getKey().key() + "=" + String.join(",",
                    e.getValue())).collect(Collectors.joining(" ")));
            out.println("classes:     " + String.join(", ", s.classes()));
            out.println("gates:       " + s.gates().stream().map(Gate::expression).collect(Collectors.joining("; ")));
            s.provenance().forEach((k, v) -> out.println("provenance." + k + ": " + v));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "validate", description = {"Validate every scenario file of a catalogue: fields, log references, windows, tags, "
                    + "classes, gates, unique ids, size and YAML limits.",
                "Exits 0 when valid, 3 with the first error (file, line, field) otherwise."})
    static final class ValidateScenarios extends OnCatalog {
        @Override
        public Integer call() {
            Catalog c = read();
            spec.commandLine().getOut().println(catalog + ": " + c.scenarios().size() + " scenarios valid");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
