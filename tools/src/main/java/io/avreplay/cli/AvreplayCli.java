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

/**
 * Builds the {@code avreplay} {@link CommandLine}: the single factory used by {@link Main} and by
 * tests, which inject their own {@code out} and {@code err} writers to capture both streams.
 */
@Command(name = "avreplay", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Autonomous-driving sensor-log replay and validation toolkit.",
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
            TrainCommand.class,
            ModelsCommand.class,
            CompareCommand.class);

    @Mixin
    GlobalOptions global;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private AvreplayCli() {
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
     * Creates the command line for one invocation. Building a picocli subcommand costs reflection over
     * its whole tree, so when {@code args} name a subcommand only that one is built (start-up of short
     * commands such as {@code eval}); top-level help, {@code help}, options and unknown names get them all.
     */
    public static CommandLine create(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new AvreplayCli());
        String first = args.length > 0 ? args[0] : "";
        boolean named = !first.equals("help") && SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(first));
        for (Class<?> c : SUBCOMMANDS) {
            if (!named || nameOf(c).equals(first)) {
                cl.addSubcommand(c);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(AvreplayCli::handleException);
        cl.setParameterExceptionHandler(AvreplayCli::handleParameterException);
        cl.setExitCodeExceptionMapper(t -> exitCodeFor(t));
        return cl;
    }

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    static int exitCodeFor(Throwable t) {
        if (t instanceof CommandLine.ParameterException || t instanceof InvalidConfigException) {
            return ExitCodes.USAGE;
        }
        if (t instanceof BadInputException || t instanceof NoSuchFileException
                || t instanceof UncheckedIOException || t instanceof java.io.IOException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL;
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

    private static String oneLine(Throwable ex, int code) {
        String msg = ex.getMessage();
        if (ex instanceof NoSuchFileException nsf) {
            msg = "no such file: " + nsf.getFile();
        } else if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getSimpleName();
        }
        if (code == ExitCodes.INTERNAL) {
            msg = "internal error: " + ex.getClass().getSimpleName() + ": " + msg + " (rerun with --stacktrace)";
        }
        return msg.replace('\n', ' ');
    }
}
