package io.avreplay.replay.archfixture;

/**
 * Sits in a replay-core package and does everything replay-core must not: reaches up to the CLI,
 * touches picocli and ND4J and exits the JVM. Never called.
 */
public final class RuleBreaker {
    private RuleBreaker() {
    }

    /** A replay-core class reaching up to the CLI and picocli (types, not constants javac would inline). */
    static String upwards(io.avreplay.cli.ExitCodes codes, picocli.CommandLine commandLine) {
        return codes.toString() + commandLine.getCommandName();
    }

    /** ND4J outside the model packages. */
    static long nd4j() {
        return org.nd4j.linalg.factory.Nd4j.zeros(1).length();
    }

    /** The process exits only from the CLI's main. */
    static void exit() {
        System.exit(1);
    }
}
