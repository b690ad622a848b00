package io.avreplay.fleet.cli;

import io.avreplay.cli.AvreplayCli;
import io.avreplay.cli.ExitCodes;
import io.avreplay.cli.VersionProvider;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code avreplay fleet} command group; exit codes as {@code avreplay}'s. */
@Command(name = "avreplay fleet", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        subcommands = {FleetRunCommand.class, FleetGateCommand.class, FleetEvalCommand.class},
        description = "Fleet-scale run, gate and eval on Apache Spark (local[N] or a cluster master URL).",
        footer = {"", "Exit codes: 0 ok, 1 gate failed, 2 usage or configuration, 3 bad input data, 4 internal error."})
public final class FleetCli implements Runnable {
    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean stacktrace;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /**
     * @return a command line printing results to {@code out} and one-line errors to {@code err}, whose
     *         {@code execute} returns the exit code
     */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FleetCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            int code = AvreplayCli.exitCodeFor(ex);
            if (parsed.hasMatchedOption("--stacktrace")) {
                ex.printStackTrace(c.getErr());
            } else {
                c.getErr().println("avreplay fleet " + c.getCommandName() + ": " + AvreplayCli.oneLine(ex, code));
            }
            c.getErr().flush();
            return code;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("avreplay fleet " + ex.getCommandLine().getCommandName() + ": "
                    + ex.getMessage());
            ex.getCommandLine().getErr().flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }
}
