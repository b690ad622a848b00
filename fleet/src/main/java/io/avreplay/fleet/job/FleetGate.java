package io.avreplay.fleet.job;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.perception.Detectors;
import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.CatalogReader;
import io.avreplay.scenario.catalog.LogRoot;
import io.avreplay.scenario.catalog.Scenario;
import io.avreplay.scenario.yaml.YamlFiles;
import io.avreplay.scenario.ci.CatalogGate;
import io.avreplay.scenario.ci.DetectionResults;
import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ModelDetectionResults;
import io.avreplay.scenario.ci.ResultsDirectory;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.BootstrapConfig;
import io.avreplay.scenario.gate.GateEvaluator;
import io.avreplay.scenario.gate.NuScenesScenarioScorer;
import io.avreplay.scenario.gate.SafetyScorer;
import io.avreplay.scenario.render.BevWorstFrames;
import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@code fleet gate}: {@code avreplay gate} with one Spark task per scenario. The driver reads the
 * catalogue and prepares every scenario's log once (recipe logs are generated there, before any task
 * starts, so tasks never race to create one); each task scores its scenario with the library's
 * {@link CatalogGate} on a one-scenario catalogue (matching, gates and the paired bootstrap, which is
 * seeded per scenario, so its resamples do not depend on where or in which order scenarios run); the
 * outcomes come back (as {@link RecordBytes}, the result records not being serializable) in catalogue order
 * as the {@link GateRun} {@code avreplay gate} computes. The catalogue and the log root may be local (then
 * on a file system every executor mounts) or on any Hadoop file system ({@link GateLogs}); a results
 * directory must be readable by every executor.
 */
public final class FleetGate {
    private FleetGate() {
    }

    /**
     * One side of the comparison as the executors receive it.
     *
     * @param value    the option's value ({@code default}, a shipped name, a model directory or a results directory)
     * @param model    whether {@code value} names a model (else a results directory)
     * @param shipment the model, packed for the executors (its camera is {@code none}); unused for results
     */
    record Side(String value, boolean model, ModelShipment shipment) implements Serializable {
    }

    /**
     * What to gate.
     *
     * @param catalog   catalogue directory or file (a local path or a URI of a Hadoop file system)
     * @param logs      log root (a local path or a URI; recipe logs are generated on the driver and cached there)
     * @param candidate the candidate: model or results directory, as {@code avreplay gate --candidate}
     * @param baseline  the baseline, if any
     * @param bootstrap the paired bootstrap's settings
     */
    public record Job(String catalog, String logs, String candidate, Optional<String> baseline, BootstrapConfig bootstrap) {
    }

    /**
     * The logs a catalogue's scenarios replay, for {@code fleet run --catalog}: each log once, in catalogue
     * order, made to exist under {@code logs} first (recipe logs generated on the driver, as for the gate).
     *
     * @param catalog catalogue directory or file (a local path or a URI of a Hadoop file system)
     * @param logs    the log root (a local path or a URI)
     * @param hadoop  the job's Hadoop configuration
     * @return the log directories (local paths or URIs under {@code logs})
     * @throws io.avreplay.error.BadInputException on a malformed catalogue or a missing log
     */
    public static List<String> catalogueLogs(String catalog, String logs, org.apache.hadoop.conf.Configuration hadoop) {
        HadoopConf conf = HadoopConf.of(hadoop);
        Catalog c;
        try (LocalCopy catalogCopy = LocalCopy.of(catalog, conf)) {
            c = reader().read(catalogCopy.path());
        }
        GateLogs.prepare(c, logs, conf);
        return c.scenarios().stream().map(s -> FleetPaths.resolve(logs, GateLogs.relative(s))).distinct().toList();
    }

    /** @return the catalogue reader {@code avreplay gate} uses */
    static CatalogReader reader() {
        return new CatalogReader(new NuScenesScenarioScorer().knownClasses(), YamlFiles.DEFAULT_MAX_BYTES);
    }

    /**
     * Gates the catalogue on {@code spark}. A catalogue or log root on another file system than the local one
     * is read through Hadoop's {@link org.apache.hadoop.fs.FileSystem}: the catalogue and each scenario's log
     * are copied to the machine that needs them (driver, executor) and deleted after.
     *
     * @throws io.avreplay.error.BadInputException on a missing log, a window outside its log, or missing or
     *                                             malformed results (as {@code avreplay gate})
     */
    public static GateRun run(JavaSparkContext spark, Job job) {
        HadoopConf conf = HadoopConf.of(spark.hadoopConfiguration());
        Catalog c;
        try (LocalCopy catalogCopy = LocalCopy.of(job.catalog(), conf)) {
            c = reader().read(catalogCopy.path());
        }
        String location = FleetPaths.isLocal(job.catalog()) ? c.location().toString() : job.catalog();
        GateLogs.prepare(c, job.logs(), conf);
        Side candSide = side("--candidate", job.candidate());
        List<Side> baseSide = job.baseline().map(b -> List.of(side("--baseline", b))).orElse(List.of());
        if (c.scenarios().isEmpty()) { // nothing to distribute: the provenance alone, computed here
            GateRun r = gate(c, Path.of("."), candSide, baseSide, job.bootstrap());
            return new GateRun(location, r.candidate(), r.baseline(), r.scorer(), r.bootstrap(), r.toolVersion(),
                    r.scenarios(), r.startedAt());
        }
        Broadcast<Side> cand = spark.broadcast(candSide);
        Broadcast<List<Side>> base = spark.broadcast(baseSide);
        String catalog = job.catalog();
        String logs = job.logs();
        int resamples = job.bootstrap().resamples(); // BootstrapConfig is not serializable: its values travel
        double confidence = job.bootstrap().confidence();
        long seed = job.bootstrap().seed();
        String startedAt = GateRun.now();
        List<GateRun> parts = new ArrayList<>();
        try {
            spark.parallelize(IntStream.range(0, c.scenarios().size()).boxed().toList(), c.scenarios().size())
                    .map(i -> RecordBytes.write(scoreOne(i, catalog, logs, conf, cand.value(), base.value(),
                            new BootstrapConfig(resamples, confidence, seed))))
                    .collect().forEach(b -> parts.add(RecordBytes.read(b, GateRun.class)));
        } catch (RuntimeException e) {
            throw SparkFailures.rethrow(e);
        } catch (Exception e) { // Scala code throws SparkException, a checked exception, undeclared
            throw SparkFailures.rethrow(e);
        }
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        parts.forEach(p -> outcomes.addAll(p.scenarios()));
        GateRun first = parts.get(0);
        return new GateRun(location, first.candidate(), first.baseline(), first.scorer(), first.bootstrap(),
                first.toolVersion(), outcomes, startedAt);
    }

    /** Scores scenario {@code index} of the catalogue (on an executor): a run of one scenario. */
    static GateRun scoreOne(int index, String catalogPath, String logsRoot, HadoopConf conf, Side candidate,
            List<Side> baseline, BootstrapConfig bootstrap) {
        try (LocalCopy catalogCopy = LocalCopy.of(catalogPath, conf)) {
            Catalog all = reader().read(catalogCopy.path());
            Scenario s = all.scenarios().get(index);
            GateRun r;
            try (LocalCopy root = LocalCopy.underRoot(logsRoot, GateLogs.relative(s), conf)) {
                r = gate(new Catalog(all.location(), List.of(s)), root.path(), candidate, baseline, bootstrap);
            }
            if (!catalogCopy.copied()) {
                return r;
            }
            List<ScenarioOutcome> named = r.scenarios().stream().map(o -> withFile(o, catalogCopy.named(o.file()))).toList();
            return new GateRun(r.catalog(), r.candidate(), r.baseline(), r.scorer(), r.bootstrap(), r.toolVersion(), named,
                    r.startedAt());
        }
    }

    /** @return {@code o} with its scenario file named {@code file} (the catalogue's location, not a copy's path) */
    static ScenarioOutcome withFile(ScenarioOutcome o, String file) {
        RecordComponent[] components = ScenarioOutcome.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals("file") ? file : components[i].getAccessor().invoke(o);
            }
            return ScenarioOutcome.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy a ScenarioOutcome: " + e, e);
        }
    }

    private static GateRun gate(Catalog one, Path logsRoot, Side candidate, List<Side> baseline,
            BootstrapConfig bootstrap) {
        List<java.util.Map.Entry<ModelShipment, ExecutorModels.Loaded>> borrowed = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            try {
                DetectionResults cand = results(candidate, allocator, borrowed);
                Optional<DetectionResults> base = baseline.stream().findFirst()
                        .map(b -> results(b, allocator, borrowed));
                CatalogGate<SafetyScorer.Units> gate = new CatalogGate<>(new SafetyScorer(),
                        new GateEvaluator(bootstrap), new LogRoot(logsRoot, Optional.empty()),
                        new BevWorstFrames(allocator), allocator);
                return gate.run(one, cand, base);
            } finally {
                borrowed.forEach(e -> ExecutorModels.release(e.getKey(), e.getValue()));
            }
        }
    }

    private static DetectionResults results(Side side, RootAllocator allocator,
            List<java.util.Map.Entry<ModelShipment, ExecutorModels.Loaded>> borrowed) {
        if (!side.model()) {
            return new ResultsDirectory(Path.of(side.value()));
        }
        ExecutorModels.Loaded l = ExecutorModels.borrow(side.shipment());
        borrowed.add(java.util.Map.entry(side.shipment(), l));
        return new ModelDetectionResults(l.lidar(), allocator, "model " + l.lidar().card().name() + " (" + side.value()
                + ", " + l.lidar().card().backend().kind() + ")");
    }

    private static Side side(String option, String value) {
        boolean model = Detectors.namesModel(value);
        if (!model && !Files.isDirectory(Path.of(value))) {
            throw new InvalidConfigException(option + ": " + value + " is neither 'default', a model directory nor a "
                    + "results directory");
        }
        return new Side(value, model, ModelShipment.of(model ? value : "default", "none", 1));
    }
}
