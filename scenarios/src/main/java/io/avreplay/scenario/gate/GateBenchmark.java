package io.avreplay.scenario.gate;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.scoring.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Measures what the safety gates cost: scores a catalogue of synthetic scenarios (moving cars and
 * pedestrians, a detector with position noise, misses and false positives, a baseline of the same
 * kind) twice in the same run: with today's gates ({@link #TODAY}) through {@link NuScenesScenarioScorer},
 * the scorer before issue 17, and with today's gates plus {@link #SAFETY} through {@link SafetyScorer}
 * (the scorer of {@code avreplay gate}) including its report views. Each timing covers accumulate + evaluate (+ detail), as wall clock and as
 * the process's CPU time (all threads; steadier than wall clock on a shared machine). The entry point
 * for {@code avreplay bench gate}.
 */
public final class GateBenchmark {
    /** Today's gates of a scenario. */
    public static final List<String> TODAY = List.of("ap[pedestrian]@2m >= 0.5", "map >= 0.3", "nds >= 0.2",
            "ap[car]@2m drop <= 0.02");
    /**
     * The safety gates added on top: every kind the shipped catalogue uses (binned AP, per-frame criteria
     * absolute and against the baseline, error statistics absolute and against the baseline, binned recall
     * against the baseline, the two timeline gates, a region), at the catalogue's operating point
     * {@code score>=0.3} where it uses one; nine per scenario where the catalogue's crossing, cut-in and
     * night-rain scenarios have three to six. {@code ShippedCatalogGatesTest} checks the coverage.
     */
    public static final List<String> SAFETY = List.of("ap[pedestrian, 0-30m]@2m >= 0.5",
            "frames[pedestrian, 0-30m, score>=0.3].tp_rate(normal) >= 0.8",
            "frames[car, 0-50m, score>=0.3].precision(lenient) drop <= 0.05",
            "err[car, 0-50m, score>=0.3].yaw.p99 <= 0.3", "err[car, ego_lane, score>=0.3].lat.p90 rise <= 0.05",
            "recall[pedestrian, 0-30m, score>=0.3] drop <= 0.03", "max_miss_s[pedestrian, 0-20m, score>=0.3] <= 0.5",
            "first_detect_s[car, ego_lane, score>=0.3] <= 0.5", "err[pedestrian, 0-30m, score>=0.3].pos.p90 <= 0.5");
    private static final Map<String, Region> REGIONS = Map.of(
            "ego_lane", new Region("ego_lane", 0, 60, -1.8, 1.8));
    private static final Set<String> CLASSES = Set.of("car", "pedestrian");

    private GateBenchmark() {
    }

    /**
     * One measurement.
     *
     * @param scenarios      scenarios scored
     * @param framesEach     frames per scenario
     * @param resamples      bootstrap resamples
     * @param todaySeconds   median over repeats of scoring with today's gates, wall clock, s
     * @param safetySeconds  median over repeats with the safety gates added, wall clock, s
     * @param todayCpuSeconds  median process CPU time with today's gates, s
     * @param safetyCpuSeconds median process CPU time with the safety gates added, s
     */
    public record Result(int scenarios, int framesEach, int resamples, double todaySeconds, double safetySeconds,
            double todayCpuSeconds, double safetyCpuSeconds) {
        /** @return safety / today, wall clock */
        public double ratio() {
            return safetySeconds / todaySeconds;
        }

        /** @return safety / today, CPU time */
        public double cpuRatio() {
            return safetyCpuSeconds / todayCpuSeconds;
        }
    }

    /**
     * Runs both scorings once untimed (JIT warm-up), then {@code repeats} times each, alternating which goes
     * first, and reports the medians.
     */
    public static Result run(int scenarios, int framesEach, int resamples, int repeats) {
        List<List<EvalFrame>> cand = new ArrayList<>();
        List<List<EvalFrame>> base = new ArrayList<>();
        for (int s = 0; s < scenarios; s++) {
            cand.add(frames(s, framesEach, 0.85));
            base.add(frames(s, framesEach, 0.9));
        }
        List<Gate> today = TODAY.stream().map(t -> Gate.parse(t, CLASSES)).toList();
        List<Gate> all = new ArrayList<>(today);
        SAFETY.forEach(t -> all.add(Gate.parse(t, CLASSES, REGIONS)));
        GateEvaluator ev = new GateEvaluator(new BootstrapConfig(resamples, 0.95, BootstrapConfig.DEFAULT_SEED));
        Runnable todayRun = () -> {
            NuScenesScenarioScorer sc = new NuScenesScenarioScorer();
            for (int s = 0; s < scenarios; s++) {
                var cu = sc.accumulate(cand.get(s), List.copyOf(CLASSES));
                ev.evaluate(today, sc, cu, Optional.of(sc.accumulate(base.get(s), List.copyOf(CLASSES))));
                sc.curves(cu, 2.0);
            }
        };
        Runnable safetyRun = () -> {
            SafetyScorer sc = new SafetyScorer();
            for (int s = 0; s < scenarios; s++) {
                var cu = sc.accumulate(cand.get(s), List.copyOf(CLASSES));
                ev.evaluate(all, sc, cu, Optional.of(sc.accumulate(base.get(s), List.copyOf(CLASSES))));
                sc.curves(cu, 2.0);
                sc.detail(cu, all, io.avreplay.scenario.scoring.ScoringLayout.DEFAULT_BINS);
            }
        };
        todayRun.run();
        safetyRun.run();
        double[][] t = new double[2][repeats];
        double[][] n = new double[2][repeats];
        for (int r = 0; r < repeats; r++) {
            if (r % 2 == 0) {
                time(todayRun, t, r);
                time(safetyRun, n, r);
            } else {
                time(safetyRun, n, r);
                time(todayRun, t, r);
            }
        }
        return new Result(scenarios, framesEach, resamples, median(t[0]), median(n[0]), median(t[1]), median(n[1]));
    }

    /** Stores wall-clock seconds in {@code out[0][r]} and process CPU seconds in {@code out[1][r]}. */
    private static void time(Runnable run, double[][] out, int r) {
        long c0 = cpuNs();
        long t0 = System.nanoTime();
        run.run();
        out[0][r] = (System.nanoTime() - t0) / 1e9;
        out[1][r] = (cpuNs() - c0) / 1e9;
    }

    private static long cpuNs() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** 6 cars and 6 pedestrians moving at 10 Hz; each detected with probability {@code hit}, 0.3 m noise. */
    static List<EvalFrame> frames(int scenario, int count, double hit) {
        SplittableRandom rnd = new SplittableRandom(1000L * scenario + Math.round(hit * 100));
        List<EvalFrame> out = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            List<GroundTruth3d> gt = new ArrayList<>();
            List<Detection3d> det = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                boolean car = k < 6;
                double x = (car ? 5 + 12 * k : 4 + 6 * (k - 6)) + (car ? 0.8 : 0.1) * f % 60;
                double y = car ? (k % 2 == 0 ? 0 : 3.5) : -6 + 0.12 * f % 12;
                Box3d box = Box3d.ego(new Vec3(x, y, 1), car ? 4.5 : 0.7, car ? 1.9 : 0.7, car ? 1.6 : 1.8, car ? 0 : 1.57);
                gt.add(new GroundTruth3d(box, car ? "vehicle.car" : "human.pedestrian.adult", "obj-" + k, 30,
                        car ? 8 : 1.2, 0, List.of(), Float.NaN));
                if (rnd.nextDouble() < hit) {
                    Box3d d = Box3d.ego(new Vec3(x + 0.3 * rnd.nextGaussian(), y + 0.3 * rnd.nextGaussian(), 1),
                            box.length(), box.width(), box.height(), box.yaw() + 0.05 * rnd.nextGaussian());
                    det.add(new Detection3d(d, car ? "car" : "pedestrian", 0.3 + 0.7 * rnd.nextDouble(), car ? 8 : 1.2, 0,
                            List.of(), Detection3d.NO_TRACK, Double.NaN, ""));
                }
            }
            if (rnd.nextDouble() < 0.3) {
                det.add(new Detection3d(Box3d.ego(new Vec3(20 + 30 * rnd.nextDouble(), -10 + 20 * rnd.nextDouble(), 1), 4.5,
                        1.9, 1.6, 0), "car", 0.5 * rnd.nextDouble(), 0, 0, List.of(), Detection3d.NO_TRACK, Double.NaN, ""));
            }
            out.add(new EvalFrame(f * 100_000_000L, gt, det));
        }
        return out;
    }
}
