package io.avreplay.cli;

import io.avreplay.error.BadInputException;
import io.avreplay.error.InvalidConfigException;
import java.io.PrintWriter;
import java.util.List;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/**
 * Builds the {@code avreplay} {@link CommandLine}: the single factory used by {@link Main} and by
 * tests, which inject their own {@code out} and {@code err} writers to capture both streams.
 *
 * <p>{@code --help}, {@code --version} and the exit-code footer are declared here once; {@code scope =
 * INHERIT} copies them to every subcommand and sub-subcommand, which therefore declare neither.
 */
@Command(name = "avreplay", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Autonomous-driving sensor-log replay and validation toolkit.",
                "On Apache Spark, over many logs: avreplay fleet run|gate|eval (see avreplay fleet --help, "
                        + "docs/fleet.md)."},
        footer = ExitCodes.HELP_FOOTER)
public final class AvreplayCli implements Runnable {
    /** Every subcommand, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            InfoCommand.class,
            ValidateCommand.class,
            BenchCommand.class,
            EvalCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            ReplayCommand.class,
            RunCommand.class,
            DemoCommand.class,
            ScenariosCommand.class,
            GateCommand.class,
            SynthCommand.class,
            RenderCommand.class,
            ViewCommand.class,
            TrainCommand.class,
            ModelsCommand.class,
            CompareCommand.class);

    @Mixin
    GlobalOptions global;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether this process's stderr is a terminal: decides {@code --progress auto}. */
    final boolean stderrIsTerminal;

    private AvreplayCli(boolean stderrIsTerminal) {
        this.stderrIsTerminal = stderrIsTerminal;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /**
     * Creates the command line.
     *
     * @param out where results go (stdout in production)
     * @param err where errors and progress go (stderr in production)
     * @return a ready-to-execute command line whose {@code execute} returns the exit code
     */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        return create(out, err, new String[0]);
    }

    /**
     * Creates the command line for one invocation, with stderr taken as no terminal. Building a picocli subcommand costs reflection over
     * its whole tree, so when {@code args} name a subcommand only that one is built (start-up of short
     * commands such as {@code eval}); top-level help, {@code help}, options and unknown names get them all.
     */
    public static CommandLine create(PrintWriter out, PrintWriter err, String[] args) {
        return create(out, err, args, false);
    }

    /**
     * As {@link #create(PrintWriter, PrintWriter, String[])}, saying whether {@code err} is a terminal (where
     * {@code --progress auto} draws progress bars); {@link Main} asks the process, tests inject it.
     */
    public static CommandLine create(PrintWriter out, PrintWriter err, String[] args, boolean stderrIsTerminal) {
        CommandLine cl = new CommandLine(new AvreplayCli(stderrIsTerminal));
        String first = args.length > 0 ? args[0] : "";
        boolean named = !first.equals("help") && SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(first));
        for (Class<?> c : SUBCOMMANDS) {
            if (!named || nameOf(c).equals(first)) {
                cl.addSubcommand(c);
            }
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(AvreplayCli::handleException);
        cl.setParameterExceptionHandler(AvreplayCli::handleParameterException);
        cl.setExitCodeExceptionMapper(t -> exitCodeFor(t));
        cl.setExecutionStrategy(AvreplayCli::executeGuarded);
        return cl;
    }

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /**
     * @return the exit code of an error that ended a command: usage, bad input, or internal (the contract in
     *         {@link ExitCodes}); shared with the fleet module's command line
     */
    public static int exitCodeFor(Throwable t) {
        if (t instanceof CommandLine.ParameterException || t instanceof InvalidConfigException) {
            return ExitCodes.USAGE;
        }
        if (t instanceof BadInputException || t instanceof NoSuchFileException
                || t instanceof UncheckedIOException || t instanceof java.io.IOException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL;
    }

    /**
     * Runs the command and turns an {@link Error} (out of memory, stack overflow), which picocli's
     * handlers never see, into one line and exit 4, so a crash is never read as "gate failed".
     */
    private static int executeGuarded(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (Error e) {
            CommandLine cl = parsed.subcommands().isEmpty() ? parsed.commandSpec().commandLine()
                    : parsed.subcommands().get(parsed.subcommands().size() - 1).commandSpec().commandLine();
            PrintWriter err = parsed.commandSpec().commandLine().getErr();
            if (parsed.hasMatchedOption("--stacktrace") || parsed.subcommands().stream()
                    .anyMatch(p -> p.hasMatchedOption("--stacktrace"))) {
                e.printStackTrace(err);
            } else {
                err.println("avreplay " + cl.getCommandName() + ": " + oneLine(e, ExitCodes.INTERNAL));
            }
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean trace = parsed.hasMatchedOption("--stacktrace");
        int code = exitCodeFor(ex);
        if (trace) {
            ex.printStackTrace(err);
        } else {
            err.println("avreplay " + cl.getCommandName() + ": " + oneLine(ex, code));
        }
        err.flush();
        return code;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("avreplay " + cl.getCommandName() + ": " + ex.getMessage());
        err.println("Try 'avreplay " + cl.getCommandSpec().qualifiedName(" ").replaceFirst("^avreplay ?", "")
                + " --help' for usage.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * @param code the error's exit code ({@link #exitCodeFor})
     * @return the one line printed for an error after {@code "avreplay <command>: "}, escaped for a
     *         terminal; shared with the fleet module's command line
     */
    public static String oneLine(Throwable ex, int code) {
        String msg = ex.getMessage();
        if (ex instanceof NoSuchFileException nsf) {
            msg = "no such file: " + nsf.getFile();
        } else if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getSimpleName();
        }
        if (ex instanceof OutOfMemoryError) {
            msg = "out of memory (" + msg + "); give the JVM more with JAVA_OPTS=-Xmx..., or process less at once";
        }
        if (code == ExitCodes.INTERNAL) {
            msg = "internal error: " + ex.getClass().getSimpleName() + ": " + msg + " (rerun with --stacktrace)";
        }
        return io.avreplay.replay.inspect.TerminalText.escape(msg.replace('\n', ' '));
    }
}
