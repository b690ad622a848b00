package io.avreplay.perception.lidar;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.BevGrid;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.model.ForwardPass;
import io.avreplay.perception.model.InferenceNetwork;
import io.avreplay.perception.model.ModelFiles;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Detection3d;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The DL4J lidar detector: featurizes the frame set's first lidar sweep into the card's BEV grid, runs
 * the network ({@link InferenceNetwork}) and decodes ego-frame boxes. Frame sets without a sweep give no 3D detections. Not
 * thread-safe (one network and scratch buffers per instance).
 */
public final class LidarDetector implements Detector {
    private final ModelCard card;
    private final ForwardPass inference;
    private final BevFeaturizer featurizer;
    private final LidarDecoder decoder;

    /** Wraps a DL4J network already checked against {@code card}. */
    public LidarDetector(ModelCard card, MultiLayerNetwork net) {
        this(card, new InferenceNetwork(net));
    }

    /**
     * Wraps any forward pass already checked against {@code card} (its outputs are the card's CenterNet
     * heads); the detector owns it and closes it.
     */
    public LidarDetector(ModelCard card, ForwardPass pass) {
        if (card.task() != ModelTask.LIDAR_3D) {
            throw new IllegalArgumentException("LidarDetector needs a LIDAR_3D card, got " + card.task());
        }
        this.card = card;
        this.inference = pass;
        BevGrid grid = (BevGrid) card.input();
        this.featurizer = new BevFeaturizer(grid);
        this.decoder = new LidarDecoder(grid, card.classes(), card.outputStride(), card.scoreThreshold(),
                card.nmsThreshold(), card.maxDetections());
    }

    /**
     * Loads {@code model.zip} of {@code dir} and checks it against {@code card}.
     *
     * @throws BadInputException when the model does not match the card
     */
    public static LidarDetector load(Path dir, ModelCard card) {
        return new LidarDetector(card, ModelFiles.load(dir, card, LidarTargets.REGRESSION, false));
    }

    /** Loads a model zip from a stream (classpath resource) named {@code source} in errors. */
    public static LidarDetector load(InputStream zip, String source, ModelCard card) {
        return new LidarDetector(card, ModelFiles.load(zip, source, card, LidarTargets.REGRESSION));
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public Detections detect(FrameSet frames) {
        return detectAll(List.of(frames)).get(0);
    }

    @Override
    public List<Detections> detectAll(List<FrameSet> frames) {
        List<Integer> withSweep = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (!frames.get(i).sweeps().isEmpty()) {
                withSweep.add(i);
            }
        }
        List<List<Detection3d>> found = run(frames, withSweep);
        List<Detections> out = new ArrayList<>();
        for (int i = 0, j = 0; i < frames.size(); i++) {
            boolean has = j < withSweep.size() && withSweep.get(j) == i;
            out.add(new Detections(frames.get(i).timestampNs(), has ? found.get(j++) : List.of(), List.of()));
        }
        return out;
    }

    private List<List<Detection3d>> run(List<FrameSet> frames, List<Integer> indices) {
        if (indices.isEmpty()) {
            return List.of();
        }
        int per = featurizer.size();
        float[] input = new float[per * indices.size()];
        for (int j = 0; j < indices.size(); j++) {
            FrameSet f = frames.get(indices.get(j));
            LidarSweep s = f.sweeps().get(0);
            SensorCalibration cal = f.calibration(s.sensorId()).orElseThrow();
            featurizer.featurize(s.x(), s.y(), s.z(), s.intensity(), cal.sensorToEgo(), 0, false, input, j * per);
        }
        int[] shape = card.inputShape();
        float[] output = inference.outputs(input, indices.size(), shape);
        int perOut = output.length / indices.size();
        List<List<Detection3d>> result = new ArrayList<>();
        for (int j = 0; j < indices.size(); j++) {
            result.add(decoder.decode(output, j * perOut));
        }
        return result;
    }

    /** @return the forward pass this detector runs (for tests and benchmarks) */
    public ForwardPass inference() {
        return inference;
    }

    @Override
    public void close() {
        inference.close();
    }
}
