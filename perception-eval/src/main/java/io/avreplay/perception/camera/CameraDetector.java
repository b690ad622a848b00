package io.avreplay.perception.camera;

import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ImageInput;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.model.ForwardPass;
import io.avreplay.perception.model.InferenceNetwork;
import io.avreplay.perception.model.ModelFiles;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.object.Detection2d;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The DL4J camera detector: every camera frame of a frame set is decoded, resized, run through the
 * network (one pass per frame set, through {@link InferenceNetwork}) and decoded into pixel boxes of the
 * original image. Not thread-safe.
 */
public final class CameraDetector implements Detector {
    private final ModelCard card;
    private final ForwardPass inference;
    private final ImagePreprocessor preprocessor;
    private final CameraDecoder decoder;

    /** Wraps a DL4J network already checked against {@code card}. */
    public CameraDetector(ModelCard card, MultiLayerNetwork net) {
        this(card, new InferenceNetwork(net));
    }

    /**
     * Wraps any forward pass already checked against {@code card} (its outputs are the card's CenterNet
     * heads); the detector owns it and closes it.
     */
    public CameraDetector(ModelCard card, ForwardPass pass) {
        if (card.task() != ModelTask.CAMERA_2D) {
            throw new IllegalArgumentException("CameraDetector needs a CAMERA_2D card, got " + card.task());
        }
        this.card = card;
        this.inference = pass;
        ImageInput in = (ImageInput) card.input();
        this.preprocessor = new ImagePreprocessor(in);
        this.decoder = new CameraDecoder(in, card.classes(), card.outputStride(), card.scoreThreshold(),
                card.nmsThreshold(), card.maxDetections());
    }

    /** Loads {@code model.zip} of {@code dir}, checked against {@code card}. */
    public static CameraDetector load(Path dir, ModelCard card) {
        return new CameraDetector(card, ModelFiles.load(dir, card, CameraTargets.REGRESSION, false));
    }

    /** Loads a model zip from a stream (classpath resource) named {@code source} in errors. */
    public static CameraDetector load(InputStream zip, String source, ModelCard card) {
        return new CameraDetector(card, ModelFiles.load(zip, source, card, CameraTargets.REGRESSION));
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public Detections detect(FrameSet frames) {
        List<CameraFrame> cams = frames.cameras();
        if (cams.isEmpty()) {
            return new Detections(frames.timestampNs(), List.of(), List.of());
        }
        int per = preprocessor.size();
        float[] input = new float[per * cams.size()];
        int[][] sizes = new int[cams.size()][];
        for (int j = 0; j < cams.size(); j++) {
            sizes[j] = preprocessor.preprocess(cams.get(j), false, input, j * per);
        }
        int[] shape = card.inputShape();
        float[] output = inference.outputs(input, cams.size(), shape);
        int perOut = output.length / cams.size();
        List<Detection2d> all = new ArrayList<>();
        for (int j = 0; j < cams.size(); j++) {
            all.addAll(decoder.decode(output, j * perOut, cams.get(j).sensorId(), sizes[j][0], sizes[j][1]));
        }
        return new Detections(frames.timestampNs(), List.of(), all);
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
