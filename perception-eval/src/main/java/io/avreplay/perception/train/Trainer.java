package io.avreplay.perception.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.ImageInput;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.Provenance;
import io.avreplay.perception.model.CenterNetBuilder;
import io.avreplay.perception.model.ModelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import io.avreplay.replay.progress.ProgressListener;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a lidar or camera CenterNet. Deterministic given the seed: the epoch's order comes from
 * {@code seed + epoch}, each step's augmentation from (seed, epoch, step), so a resumed run sees the same
 * batches. Checkpoints ({@code out/checkpoint}: model with optimiser state + {@code state.json}) are written
 * every {@link #CHECKPOINT_SECONDS} and at each epoch end. Progress lines go to the given consumer.
 */
public final class Trainer {
    /** Seconds between checkpoints. */
    public static final double CHECKPOINT_SECONDS = 120;
    /**
     * Input of the camera model: 384 × 216 pixels (0.4 of a 960 × 540 frame) in 4 × 4 space-to-depth
     * blocks, i.e. a 48-channel 54 × 96 tensor.
     */
    public static final ImageInput CAMERA_INPUT = new ImageInput(384, 216, 4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Trainer() {
    }

    /**
     * Runs training and writes {@code model.zip} + {@code card.json} into {@code config.out()}.
     *
     * @param allocator Arrow allocator for the log readers; stays the caller's
     * @throws BadInputException when the logs hold no usable samples
     */
    public static TrainResult train(TrainConfig config, BufferAllocator allocator, Consumer<String> progress) {
        return train(config, allocator, progress, ProgressListener.NONE);
    }

    /**
     * As {@link #train(TrainConfig, BufferAllocator, Consumer)}, also reporting each optimisation step to
     * {@code steps} (stage {@code epoch E/N}, done/total steps of that epoch).
     */
    public static TrainResult train(TrainConfig config, BufferAllocator allocator, Consumer<String> progress,
            ProgressListener steps) {
        int stride = CenterNetBuilder.stride(config.backbone());
        SampleEncoder enc = config.task() == ModelTask.LIDAR_3D
                ? new LidarSamples(TrainConfig.LIDAR_GRID, config.classes(), stride)
                : new CameraSamples(CAMERA_INPUT, config.classes(), stride * CAMERA_INPUT.block());
        int[] inShape = enc.inputShape();
        long flops = CenterNetBuilder.flops(inShape[0], inShape[1], inShape[2], config.backbone(),
                enc.targetShape()[0]);
        ModelCard card = enc.card(config, flops);
        try (LogSet train = new LogSet(config.logs(), allocator)) {
            List<Sample> samples = enc.samples(train, config.frameStride());
            if (samples.isEmpty()) {
                throw new BadInputException(config.logs() + ": no frames with matching annotations for "
                        + config.task());
            }
            Path ckpt = config.out().resolve("checkpoint");
            boolean resuming = config.resume() && Files.isRegularFile(ckpt.resolve("state.json"));
            MultiLayerNetwork net = resuming ? ModelFiles.load(ckpt, card, enc.regression(), true)
                    : CenterNetBuilder.build(inShape[0], inShape[1], inShape[2], config.backbone(),
                            config.classes().size(), enc.regression(), true, config.seed(), config.learningRate(),
                            enc.regressionMinHeat());
            TrainState state = resuming ? readState(ckpt) : TrainState.START;
            progress.accept(String.format("%s %s: %d samples from %d logs, %.3f GFLOP/frame, %d params%s",
                    config.task(), config.name(), samples.size(), train.readers().size(), flops / 1e9,
                    net.numParams(), resuming ? ", resuming at epoch " + (state.epoch() + 1) + " step "
                            + state.step() : ""));
            Loop loop = new Loop(config, enc, train, samples, net, card, ckpt, progress, steps);
            return loop.run(state, heldOutMetrics(config, enc, allocator, card, net, progress));
        }
    }

    /**
     * Re-scores an existing model directory on held-out logs with this version's metrics and rewrites
     * only its {@code card.json} (the model zip, and so its recorded SHA-256, stay as they are): the
     * provenance's held-out logs and metrics are replaced, everything else is kept.
     *
     * @param heldOut held-out log directories (folders of logs are expanded); must not be empty
     * @throws BadInputException when the model directory is invalid or the logs hold no usable frames
     */
    public static ModelCard rescore(Path modelDir, List<Path> heldOut, BufferAllocator allocator,
            Consumer<String> progress) {
        ModelCard card = io.avreplay.perception.api.ModelCardJson.read(modelDir.resolve(
                io.avreplay.perception.api.ModelCardJson.FILE_NAME));
        SampleEncoder enc = card.task() == ModelTask.LIDAR_3D
                ? new LidarSamples((io.avreplay.perception.api.BevGrid) card.input(), card.classes(), card.outputStride())
                : new CameraSamples((ImageInput) card.input(), card.classes(), card.outputStride());
        MultiLayerNetwork net = ModelFiles.load(modelDir, card, enc.regression(), false);
        try (LogSet held = new LogSet(heldOut, allocator)) {
            List<Sample> s = enc.samples(held, 2);
            if (s.isEmpty()) {
                throw new BadInputException(heldOut + ": no frames with matching annotations for " + card.task());
            }
            progress.accept("evaluating " + card.name() + " on " + s.size() + " held-out frames of "
                    + held.readers().size() + " logs");
            Map<String, Double> metrics = enc.evaluate(enc.detector(card, net), held, s);
            Provenance p = card.provenance();
            ModelCard done = card.withProvenance(new Provenance(p.trainedAtUtc(), p.trainingSeconds(), p.seed(),
                    p.epochs(), p.trainLogs(), held.logIds(), p.config(), metrics, p.toolVersion()));
            io.avreplay.perception.api.ModelCardJson.write(done, modelDir.resolve(
                    io.avreplay.perception.api.ModelCardJson.FILE_NAME));
            return done;
        }
    }

    private static HeldOut heldOutMetrics(TrainConfig config, SampleEncoder enc, BufferAllocator allocator,
            ModelCard card, MultiLayerNetwork net, Consumer<String> progress) {
        return () -> {
            if (config.heldOut().isEmpty()) {
                return new HeldOutResult(List.of(), Map.of());
            }
            try (LogSet held = new LogSet(config.heldOut(), allocator)) {
                List<Sample> s = enc.samples(held, Math.max(2, config.frameStride()));
                progress.accept("evaluating on " + s.size() + " held-out frames of " + held.readers().size() + " logs");
                return new HeldOutResult(held.logIds(), enc.evaluate(enc.detector(card, net), held, s));
            }
        };
    }

    /** Held-out log ids and metrics. */
    record HeldOutResult(List<String> logIds, Map<String, Double> metrics) {
    }

    /** Computes held-out metrics once training is over. */
    interface HeldOut {
        HeldOutResult compute();
    }

    static TrainState readState(Path ckpt) {
        try {
            return JSON.readValue(ckpt.resolve("state.json").toFile(), TrainState.class);
        } catch (IOException e) {
            throw new BadInputException(ckpt.resolve("state.json") + ": cannot read checkpoint state: "
                    + e.getMessage(), e);
        }
    }

    static void writeState(Path ckpt, TrainState state) {
        try {
            Path tmp = ckpt.resolve("state.json.tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, ckpt.resolve("state.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint state in " + ckpt, e);
        }
    }

    /** The epoch/step loop of one run. */
    private static final class Loop {
        private final TrainConfig config;
        private final SampleEncoder enc;
        private final LogSet logs;
        private final List<Sample> samples;
        private final MultiLayerNetwork net;
        private final ModelCard card;
        private final Path ckpt;
        private final Consumer<String> progress;
        private final ProgressListener stepProgress;

        Loop(TrainConfig config, SampleEncoder enc, LogSet logs, List<Sample> samples, MultiLayerNetwork net,
                ModelCard card, Path ckpt, Consumer<String> progress, ProgressListener stepProgress) {
            this.config = config;
            this.enc = enc;
            this.logs = logs;
            this.samples = samples;
            this.net = net;
            this.card = card;
            this.ckpt = ckpt;
            this.progress = progress;
            this.stepProgress = stepProgress;
        }

        TrainResult run(TrainState start, HeldOut heldOut) {
            int steps = (samples.size() + config.batchSize() - 1) / config.batchSize();
            long runStart = System.nanoTime();
            double lastCkpt = 0;
            double lastPrint = 0;
            TrainState st = start;
            double lossSum = 0;
            int lossN = 0;
            boolean complete = true;
            double currentLr = config.learningRate();
            outer:
            for (int e = st.epoch(); e < config.epochs(); e++) {
                List<Sample> order = new ArrayList<>(samples);
                Collections.shuffle(order, new Random(config.seed() + e));
                lossSum = 0;
                lossN = 0;
                for (int s = e == st.epoch() ? st.step() : 0; s < steps; s++) {
                    List<Sample> batch = order.subList(s * config.batchSize(),
                            Math.min(order.size(), (s + 1) * config.batchSize()));
                    double frac = Math.max((e * (double) steps + s) / ((double) config.epochs() * steps),
                            config.maxMinutes() > 0 ? st.elapsedSeconds() / (config.maxMinutes() * 60) : 0);
                    double lr = config.learningRate() * lrFactor(frac);
                    if (lr != currentLr) {
                        net.setLearningRate(lr);
                        currentLr = lr;
                        progress.accept(String.format("learning rate %.2e at %.0f%% of the run", lr, 100 * frac));
                    }
                    lossSum += fit(batch, new Random(config.seed() * 1_000_003L + e * 100_003L + s));
                    lossN++;
                    double run = (System.nanoTime() - runStart) / 1e9;
                    st = new TrainState(e, s + 1, start.elapsedSeconds() + run, st.samplesSeen() + batch.size());
                    stepProgress.step("epoch " + (e + 1) + "/" + config.epochs(), s + 1, steps);
                    if (run - lastPrint >= 15 || s == steps - 1) {
                        lastPrint = run;
                        printProgress(st, steps, run, start, lossSum / lossN);
                    }
                    if (run - lastCkpt >= CHECKPOINT_SECONDS) {
                        lastCkpt = run;
                        checkpoint(st);
                    }
                    if (config.maxMinutes() > 0 && st.elapsedSeconds() >= config.maxMinutes() * 60
                            && !(e == config.epochs() - 1 && s == steps - 1)) {
                        progress.accept(String.format("time limit of %.1f min reached at epoch %d step %d",
                                config.maxMinutes(), e + 1, s + 1));
                        complete = false;
                        break outer;
                    }
                }
                st = new TrainState(e + 1, 0, st.elapsedSeconds(), st.samplesSeen());
                checkpoint(st);
            }
            checkpoint(st);
            return finish(st, heldOut, lossN == 0 ? Double.NaN : lossSum / lossN, complete);
        }

        /**
         * Step schedule over the run's progress (the larger of the epoch fraction and the fraction of
         * {@code --max-minutes} used): full rate, then ×0.3 from 65 %, ×0.1 from 85 %. Time-based so a run
         * cut by the time limit still anneals.
         */
        static double lrFactor(double fraction) {
            return fraction < 0.65 ? 1 : fraction < 0.85 ? 0.3 : 0.1;
        }

        private double fit(List<Sample> batch, Random rng) {
            int[] is = enc.inputShape();
            int[] ts = enc.targetShape();
            int inPer = is[0] * is[1] * is[2];
            int tPer = ts[0] * ts[1] * ts[2];
            float[] in = new float[inPer * batch.size()];
            float[] tg = new float[tPer * batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                enc.encode(logs, batch.get(i), rng, true, in, i * inPer, tg, i * tPer);
            }
            try (INDArray x = Nd4j.create(in, new long[] {batch.size(), is[0], is[1], is[2]}, 'c');
                    INDArray y = Nd4j.create(tg, new long[] {batch.size(), ts[0], ts[1], ts[2]}, 'c')) {
                net.fit(new DataSet(x, y));
                return net.score();
            }
        }

        private void printProgress(TrainState st, int steps, double run, TrainState start, double loss) {
            long done = st.samplesSeen() - start.samplesSeen();
            double rate = done / Math.max(1e-9, run);
            long total = (long) config.epochs() * samples.size();
            double eta = (total - st.samplesSeen()) / Math.max(1e-9, rate);
            if (config.maxMinutes() > 0) {
                eta = Math.min(eta, Math.max(0, config.maxMinutes() * 60 - st.elapsedSeconds()));
            }
            progress.accept(String.format("epoch %d/%d step %d/%d loss %.4f %.2f samples/s elapsed %s ETA %s",
                    st.epoch() + 1, config.epochs(), st.step(), steps, loss, rate, mmss(st.elapsedSeconds()),
                    mmss(eta)));
        }

        private void checkpoint(TrainState st) {
            ModelFiles.save(net, card, ckpt, true);
            writeState(ckpt, st);
        }

        private TrainResult finish(TrainState st, HeldOut heldOut, double loss, boolean complete) {
            HeldOutResult held = heldOut.compute();
            Map<String, String> cfg = new LinkedHashMap<>();
            cfg.put("task", config.task().name());
            cfg.put("backbone", config.backbone().toString());
            cfg.put("epochs", Integer.toString(config.epochs()));
            cfg.put("batch_size", Integer.toString(config.batchSize()));
            cfg.put("learning_rate", Double.toString(config.learningRate()));
            cfg.put("frame_stride", Integer.toString(config.frameStride()));
            cfg.put("regression_min_heat", Double.toString(enc.regressionMinHeat()));
            cfg.put("max_minutes", Double.toString(config.maxMinutes()));
            cfg.put("train_samples", Integer.toString(samples.size()));
            cfg.put("samples_seen", Long.toString(st.samplesSeen()));
            cfg.put("complete", Boolean.toString(complete));
            cfg.put("final_loss", Double.toString(loss));
            Provenance p = new Provenance(Instant.now().toString(), st.elapsedSeconds(), config.seed(),
                    st.epoch(), logs.logIds(), held.logIds(), cfg, held.metrics(), toolVersion());
            ModelCard done = ModelFiles.save(net, card.withProvenance(p), config.out(), false);
            progress.accept(String.format("wrote %s (%.1f min, held-out %s)", config.out(), st.elapsedSeconds() / 60,
                    held.metrics()));
            return new TrainResult(config.out(), done, loss, complete);
        }
    }

    static String toolVersion() {
        String v = Trainer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String mmss(double seconds) {
        long s = Math.round(seconds);
        return String.format("%dm%02ds", s / 60, s % 60);
    }
}
