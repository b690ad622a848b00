package io.avreplay.fleet.cli;

import io.avreplay.cli.GateOptions;
import io.avreplay.fleet.job.FleetGate;
import io.avreplay.scenario.ci.GateRun;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code avreplay fleet gate}: {@code avreplay gate} with one Spark task per scenario; same reports, same output. */
@Command(name = "gate", description = {"Score each scenario of a catalogue in its own Spark task, check its gates (absolute "
        + "thresholds, and regressions against a baseline by a paired bootstrap over frames), print the summary "
        + "avreplay gate prints and write the reports asked for.",
    "Exits 0 when all gates pass, 1 when a gate failed, 3 on bad input (nothing is written)."})
final class FleetGateCommand implements Callable<Integer> {
    @Mixin
    GateOptions gate;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GateRun run;
        try (JavaSparkContext sc = spark.context("avreplay fleet gate")) {
            run = FleetGate.run(sc, new FleetGate.Job(given("--catalog"), given("--logs"), gate.candidate(),
                    gate.baseline(), gate.bootstrap()));
        }
        return gate.report(run, "avreplay fleet gate", spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** @return the option's value as typed (a URI such as {@code hdfs://nn/logs} would not survive as a path) */
    private String given(String option) {
        return spec.commandLine().getParseResult().matchedOption(option).stringValues().get(0);
    }
}
