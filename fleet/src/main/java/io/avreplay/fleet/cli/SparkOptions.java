package io.avreplay.fleet.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Option;

/**
 * The shared {@code --master} option and the one place a Spark context is made. Under
 * {@code spark-submit}, which sets {@code spark.master}, {@code --master} may be left out.
 */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "MASTER",
            description = "Spark master: local[N], spark://HOST:PORT, yarn, k8s://URL (default: spark-submit's, "
                    + "else local[*]).")
    String master = "";

    /** @return a new context named {@code app}; the caller closes it */
    JavaSparkContext context(String app) {
        SparkConf conf = new SparkConf().setAppName(app);
        if (!master.isEmpty()) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        return new JavaSparkContext(conf);
    }
}
