/**
 * The {@code avreplay fleet} command line (picocli): its own entry point, {@link io.avreplay.fleet.cli.FleetMain},
 * started by the {@code ./avreplay} launcher for {@code avreplay fleet ...} or by {@code spark-submit}, so
 * Spark never enters the class path of the other commands. With {@code io.avreplay.cli}, the only place
 * where picocli appears; the process exits through tools' {@code Main.runAndExit}, so ending the JVM and
 * writing to the console stay in {@code tools}.
 */
package io.avreplay.fleet.cli;
