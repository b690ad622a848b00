package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Walks the whole command tree: every command answers {@code --help} and {@code --version} the same way. */
class HelpTreeTest {
    @Test
    void everyHelpExitsZeroWithUsageOnStdoutAndNothingOnStderr() {
        List<List<String>> paths = new ArrayList<>();
        collect(AvreplayCli.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                new ArrayList<>(), paths);
        // 15 top-level commands (help included) and their subcommands: bench 4, eval 4, export 5, import 3, scenarios 3
        assertTrue(paths.size() >= 1 + 15 + 19, "walked " + paths.size() + " commands: " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, r.exitCode(), args + ": " + r.err());
            assertEquals("", r.err(), args + " wrote to stderr");
            assertTrue(r.out().contains("Usage: avreplay"), args + ": " + r.out());
            if (!path.equals(List.of("help"))) {
                assertTrue(r.out().contains("Exit codes:") && r.out().contains("3  bad input data"),
                        args + " lacks the inherited exit-code footer");
                assertTrue(r.out().contains("-V, --version"), args + " lacks the inherited --version");
            }
        }
    }

    @Test
    void exportAndImportHelpNoLongerFail() {
        for (String group : new String[] {"export", "import"}) {
            CliRun r = CliRun.of(group, "--help");
            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
            assertTrue(r.out().contains("Exit codes:"), r.out());
        }
    }

    @Test
    void versionIsInheritedBySubcommands() {
        CliRun r = CliRun.of("eval", "nuscenes", "--version");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("avreplay "), r.out());
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> into) {
        into.add(List.copyOf(prefix));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            collect(sub, p, into);
        });
    }
}
