package io.avreplay.fleetfixture;

import io.avreplay.fleet.job.LogJob;

/** Breaks every fleet rule on purpose, from outside the fleet module's packages (never production). */
public final class RuleBreaker {
    private RuleBreaker() {
    }

    static Object breakAll() {
        Object spark = new org.apache.spark.SparkConf();
        Object cli = new picocli.CommandLine(new Object());
        Object fleet = LogJob.class;
        if (spark.hashCode() == 42) {
            System.exit(1);
        }
        return java.util.List.of(spark, cli, fleet);
    }
}
