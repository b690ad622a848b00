package io.avreplay.cli;

/** The exit-code contract of every subcommand, also printed by {@code --help}. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A gate or a validation found problems. */
    public static final int FAILED = 1;
    /** Wrong usage: unknown option, bad option value, invalid configuration. */
    public static final int USAGE = 2;
    /** Bad input data: unreadable or malformed log, ground truth, predictions or dataset. */
    public static final int BAD_INPUT = 3;
    /** An internal error (a bug): please report it with {@code --stacktrace}. */
    public static final int INTERNAL = 4;

    static final String HELP_FOOTER = "%nExit codes:%n"
            + "  0  ok%n"
            + "  1  a gate or validation failed%n"
            + "  2  usage error or invalid configuration%n"
            + "  3  bad input data%n"
            + "  4  internal error (rerun with --stacktrace)%n";

    private ExitCodes() {
    }
}
