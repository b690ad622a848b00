package io.avreplay.perception.model;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.api.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A model directory: {@code model.zip} (DL4J {@code ModelSerializer} format plus an {@code input_shape}
 * entry, {channels, rows, cols}) beside {@code card.json}. Loading checks the network against the card
 * and fails with a {@link BadInputException} naming the file and expected versus actual. Thread-safe.
 */
public final class ModelFiles {
    /** File name of the network inside a model directory. */
    public static final String MODEL_FILE = "model.zip";
    private static final String INPUT_SHAPE_ENTRY = "input_shape";
    /** Provenance config key of the model zip's SHA-256 (lower-case hex). */
    public static final String ZIP_DIGEST_KEY = "model_zip_sha256";

    private ModelFiles() {
    }

    /**
     * Writes {@code model.zip} and {@code card.json} into {@code dir} (created when missing), each through
     * a temporary file renamed into place. The card's provenance config gets {@code model_zip_sha256}, the
     * SHA-256 of the zip written beside it, so a card names the exact weights it describes.
     *
     * @param withUpdater also store the optimiser state (for checkpoints that resume training)
     * @return the card as written, with the zip's digest
     */
    public static ModelCard save(MultiLayerNetwork net, ModelCard card, Path dir, boolean withUpdater) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(MODEL_FILE + ".tmp");
            ModelSerializer.writeModel(net, tmp.toFile(), withUpdater);
            ModelSerializer.addObjectToFile(tmp.toFile(), INPUT_SHAPE_ENTRY, card.inputShape());
            String digest = sha256(tmp);
            Files.move(tmp, dir.resolve(MODEL_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Map<String, String> config = new LinkedHashMap<>(card.provenance().config());
            config.put(ZIP_DIGEST_KEY, digest);
            Provenance p = card.provenance();
            ModelCard written = card.withProvenance(new Provenance(p.trainedAtUtc(),
                    p.trainingSeconds(), p.seed(), p.epochs(), p.trainLogs(), p.heldOutLogs(), config,
                    p.heldOutMetrics(), p.toolVersion()));
            ModelCardJson.write(written, dir.resolve(ModelCardJson.FILE_NAME));
            return written;
        } catch (IOException e) {
            io.avreplay.replay.files.FileTrees.deleteQuietly(dir.resolve(MODEL_FILE + ".tmp"));
            throw new UncheckedIOException("cannot write model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the network of a model directory and checks it against {@code card}.
     *
     * @param regression regression channels the decoder expects after the class heatmaps
     * @throws BadInputException when the zip is missing or corrupt, or its shape does not match the card
     */
    public static MultiLayerNetwork load(Path dir, ModelCard card, int regression, boolean withUpdater) {
        Path zip = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(zip)) {
            throw new BadInputException(zip + ": model file missing");
        }
        MultiLayerNetwork net;
        int[] shape;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), withUpdater);
            shape = ModelSerializer.getObjectFromFile(zip.toFile(), INPUT_SHAPE_ENTRY);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(zip + ": not a readable DL4J model zip (expected configuration.json, "
                    + "coefficients.bin and " + INPUT_SHAPE_ENTRY + "): " + e.getMessage(), e);
        }
        check(net, shape, card, regression, zip.toString());
        return net;
    }

    /**
     * Loads a network from a stream (a classpath resource) and checks it against {@code card}.
     *
     * @param source named in error messages
     * @throws BadInputException when the stream is not a model zip or its shape does not match the card
     */
    public static MultiLayerNetwork load(InputStream in, String source, ModelCard card, int regression) {
        try {
            Path tmp = Files.createTempFile("avreplay-model", ".zip");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Path dir = Files.createTempDirectory("avreplay-model");
                Files.move(tmp, dir.resolve(MODEL_FILE));
                try {
                    return load(dir, card, regression, false);
                } catch (BadInputException e) {
                    throw new BadInputException(e.getMessage().replace(dir.resolve(MODEL_FILE).toString(), source), e);
                } finally {
                    Files.deleteIfExists(dir.resolve(MODEL_FILE));
                    Files.deleteIfExists(dir);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read model: " + e, e);
        }
    }

    private static void check(MultiLayerNetwork net, int[] shape, ModelCard card, int regression, String source) {
        if (!Arrays.equals(shape, card.inputShape())) {
            throw new BadInputException(source + ": input shape mismatch: card expects " + Arrays.toString(
                    card.inputShape()) + " (channels, rows, cols), model was built for " + Arrays.toString(shape));
        }
        Layer first = net.getLayerWiseConfigurations().getConf(0).getLayer();
        Layer head = net.getLayerWiseConfigurations().getConf(net.getnLayers() - 2).getLayer();
        if (!(first instanceof ConvolutionLayer c0) || !(head instanceof ConvolutionLayer ch)) {
            throw new BadInputException(source + ": expected a convolutional CenterNet (first and head layers "
                    + "convolutions), got " + first.getClass().getSimpleName() + " ... " + head.getClass().getSimpleName());
        }
        if (c0.getNIn() != card.input().channels()) {
            throw new BadInputException(source + ": input channels mismatch: card expects " + card.input().channels()
                    + ", model's first layer takes " + c0.getNIn());
        }
        long expectedOut = card.classes().size() + regression;
        if (ch.getNOut() != expectedOut) {
            throw new BadInputException(source + ": output channels mismatch: card's " + card.classes().size()
                    + " classes + " + regression + " regression = " + expectedOut + ", model outputs "
                    + ch.getNOut());
        }
    }

    /** @return the SHA-256 of a file as lower-case hex */
    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
