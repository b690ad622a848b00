package io.avreplay.perception.bench;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.camera.CameraDetector;
import io.avreplay.perception.lidar.LidarDetector;
import io.avreplay.perception.model.FoldedConvNet;
import io.avreplay.perception.model.InferenceNetwork;
import io.avreplay.perception.onnx.OnnxExport;
import io.avreplay.perception.onnx.OnnxForwardPass;
import io.avreplay.perception.onnx.OnnxOptions;
import io.avreplay.replay.files.FileTrees;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.LidarSweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The perception benchmark ({@code avreplay bench perception}): per-sweep and per-frame detection time
 * of a lidar and a camera detector on a log's real frames, the network's share of it, and, as the
 * baseline measured in the same run, an ND4J matrix multiply (OpenBLAS SGEMM) of the same FLOPs:
 * {@code networkVsGemm} says how many times slower the convolutions run than a plain GEMM of equal
 * work. Each measure is the median of {@code timed} repetitions after {@code warmup}. Not a test.
 */
public final class PerceptionBenchmark {
    private PerceptionBenchmark() {
    }

    /**
     * @param frames frames of the log to cycle through (spread evenly over it)
     * @param warmup untimed repetitions first
     * @param timed  timed repetitions; the median is reported
     */
    public record Options(int frames, int warmup, int timed) {
        public Options {
            if (frames <= 0 || warmup < 0 || timed <= 0) {
                throw new IllegalArgumentException("frames and timed must be > 0 and warmup >= 0, got " + frames
                        + ", " + timed + ", " + warmup);
            }
        }

        /** 16 frames, 3 warm-up, 20 timed. */
        public static Options defaults() {
            return new Options(16, 3, 20);
        }
    }

    /**
     * One detector's timings, milliseconds per sweep or frame at batch 1.
     *
     * @param model          model name from its card
     * @param backend        what ran {@code detectMs} ({@code onnxruntime-cpu}, {@code folded}, {@code dl4j},
     *                       {@code exec})
     * @param flopsPerFrame  the card's FLOPs per frame (2 × multiply-adds of the convolutions)
     * @param detectMs       {@link Detector#detect} end to end: preprocessing, network, decoding
     * @param networkMs      the DL4J network's forward pass alone on an input of the card's shape, as a DL4J
     *                       detector runs it ({@link InferenceNetwork}: folded when the network folds, else
     *                       DL4J); for a shipped model on ONNX Runtime, its DL4J network's; NaN when there is no
     *                       DL4J network
     * @param networkGflops  FLOPs / network time, GFLOP/s
     * @param gemmMs         an SGEMM of n × n × n with 2n³ ≈ the network's FLOPs, same run
     * @param networkVsGemm  networkMs / gemmMs
     * @param dl4jNetworkMs  the same forward pass through DL4J's {@code MultiLayerNetwork.output}, the
     *                       baseline the folded path replaces (NaN likewise)
     * @param foldedNetworkMs the forward pass through {@code FoldedConvNet} (NaN when the network does not fold)
     * @param onnxNetworkMs  the same network exported to ONNX ({@code models export}) and run by ONNX Runtime
     *                       (CPU provider, its default threads); NaN when the network does not fold
     * @param onnxRelError   largest |ONNX Runtime − DL4J| over the timed input, relative to DL4J's largest
     *                       output magnitude (NaN likewise): "exact" means below 1e-4
     */
    public record Timing(String model, String backend, long flopsPerFrame, double detectMs, double networkMs, double networkGflops,
            double gemmMs, double networkVsGemm, double dl4jNetworkMs, double foldedNetworkMs, double onnxNetworkMs,
            double onnxRelError) {
    }

    /**
     * @param lidar         the lidar detector's timing, empty when none was given or the log has no lidar
     * @param camera        the camera detector's timing, empty likewise
     * @param nativeThreads ND4J master threads per call during the run (what {@code --threads} sets)
     */
    public record Result(Optional<Timing> lidar, Optional<Timing> camera, int nativeThreads) {
    }

    /**
     * @param log    an open log with the frames to detect on; stays the caller's
     * @param lidar  lidar detector, or empty
     * @param camera camera detector, or empty
     * @throws BadInputException when a detector is given but the log has no frames for it
     */
    public static Result run(LogReader log, Optional<Detector> lidar, Optional<Detector> camera, Options options) {
        Optional<Timing> l = lidar.map(d -> time(d, lidarFrames(log, options.frames()), options));
        Optional<Timing> c = camera.map(d -> time(d, cameraFrames(log, options.frames()), options));
        return new Result(l, c, Nd4j.getEnvironment().maxMasterThreads());
    }

    private static List<FrameSet> lidarFrames(LogReader log, int count) {
        return frames(log, log.lidarIds(), "lidar", log::lidar, count);
    }

    private static List<FrameSet> cameraFrames(LogReader log, int count) {
        return frames(log, log.cameraIds(), "camera", log::camera, count);
    }

    /** @return frame sets of up to {@code count} frames of the first sensor of a kind, spread over its stream */
    private static List<FrameSet> frames(LogReader log, List<String> sensors, String kind,
            java.util.function.Function<String, FrameStream<?>> stream, int count) {
        if (sensors.isEmpty()) {
            throw new BadInputException(log.directory() + ": no " + kind + " stream to benchmark the " + kind
                    + " detector on");
        }
        String id = sensors.get(0);
        FrameStream<?> s = stream.apply(id);
        List<FrameSet> out = new ArrayList<>();
        for (int i : spread(s.size(), count)) {
            Object frame = s.read(i);
            var cal = log.calibration(id).orElseThrow();
            out.add(frame instanceof LidarSweep sweep ? FrameSet.of(sweep, cal) : FrameSet.of((CameraFrame) frame, cal));
        }
        return out;
    }

    /** @return up to {@code count} indices spread evenly over {@code 0..size-1} */
    static int[] spread(int size, int count) {
        int n = Math.min(size, count);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) ((long) i * size / n);
        }
        return out;
    }

    private static Timing time(Detector d, List<FrameSet> frames, Options o) {
        int[] next = {0};
        double detect = median(o, () -> d.detect(frames.get(next[0]++ % frames.size())));
        ModelCard card = d.card();
        // A shipped model on ONNX Runtime: its backends are timed on the DL4J network it was exported from.
        boolean shippedExport = Detectors.SHIPPED.contains(card.name())
                && card.equals(Detectors.shippedCard(card.name()).withBackend(OnnxExport.backend()));
        if (!shippedExport) {
            return time(d, d, detect, o);
        }
        try (Detector dl4j = Detectors.loadResource(card.name())) {
            return time(d, dl4j, detect, o);
        }
    }

    private static Optional<InferenceNetwork> network(Detector d) {
        return d instanceof LidarDetector l && l.inference() instanceof InferenceNetwork n ? Optional.of(n)
                : d instanceof CameraDetector c && c.inference() instanceof InferenceNetwork n ? Optional.of(n)
                : Optional.empty();
    }

    /** @param dl4jSource the detector whose DL4J network is timed on every backend (may be {@code d}) */
    private static Timing time(Detector d, Detector dl4jSource, double detect, Options o) {
        ModelCard card = d.card();
        Optional<InferenceNetwork> net = network(dl4jSource);
        double network = Double.NaN;
        double dl4j = Double.NaN;
        double[] folded = {Double.NaN, Double.NaN, Double.NaN};
        if (net.isPresent()) {
            int[] shape = card.inputShape();
            try (INDArray in = Nd4j.rand(DataType.FLOAT, 1, shape[0], shape[1], shape[2])) {
                float[] expected;
                try (INDArray out = net.get().network().output(in, false)) {
                    expected = out.dup('c').data().asFloat();
                }
                dl4j = median(o, () -> net.get().network().output(in, false).close());
                float[] x = in.dup('c').data().asFloat();
                network = median(o, () -> net.get().outputs(x, 1, shape));
                net.get().folded().ifPresent(f -> {
                    folded[0] = median(o, () -> f.outputs(x, 1, shape[0], shape[1], shape[2]));
                    double[] onnx = onnxMs(f, card, x, expected, o);
                    folded[1] = onnx[0];
                    folded[2] = onnx[1];
                });
            }
        }
        long flops = card.flopsPerFrame();
        double gemm = flops > 0 ? gemmMs(flops, o) : Double.NaN;
        return new Timing(card.name(), Detectors.backendName(d), flops, detect, network, flops / (network * 1e6), gemm,
                network / gemm, dl4j, folded[0], folded[1], folded[2]);
    }

    /** @return {median ms, relative error against {@code expected}} of the network exported and run by ONNX Runtime */
    private static double[] onnxMs(FoldedConvNet f, ModelCard card, float[] x, float[] expected, Options o) {
        Path dir = null;
        try {
            Path parent = Files.createTempDirectory("avreplay-bench-onnx");
            dir = parent;
            OnnxExport.write(f, card, parent.resolve("m"));
            int regression = expected.length / (card.outputGrid()[0] * card.outputGrid()[1]) - card.classes().size();
            try (OnnxForwardPass pass = OnnxForwardPass.open(parent.resolve("m"), card.withBackend(OnnxExport.backend()),
                    regression, OnnxOptions.defaults())) {
                int[] shape = card.inputShape();
                float[] got = pass.outputs(x, 1, shape);
                double maxAbs = 0;
                double maxErr = 0;
                for (int i = 0; i < got.length; i++) {
                    maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
                    maxErr = Math.max(maxErr, Math.abs(expected[i] - got[i]));
                }
                return new double[] {median(o, () -> pass.outputs(x, 1, shape)), maxErr / Math.max(1e-6, maxAbs)};
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ONNX export to benchmark", e);
        } finally {
            if (dir != null) {
                FileTrees.deleteQuietly(dir);
            }
        }
    }

    private static double gemmMs(long flops, Options o) {
        long n = Math.max(1, Math.round(Math.cbrt(flops / 2.0)));
        try (INDArray a = Nd4j.rand(DataType.FLOAT, n, n); INDArray b = Nd4j.rand(DataType.FLOAT, n, n)) {
            return median(o, () -> a.mmul(b).close());
        }
    }

    private static double median(Options o, Runnable r) {
        for (int i = 0; i < o.warmup(); i++) {
            r.run();
        }
        double[] ms = new double[o.timed()];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
    }
}
