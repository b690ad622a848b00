package io.avreplay.perception;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.camera.CameraDetector;
import io.avreplay.perception.camera.CameraTargets;
import io.avreplay.perception.lidar.LidarDetector;
import io.avreplay.perception.lidar.LidarTargets;
import io.avreplay.perception.model.ForwardPass;
import io.avreplay.perception.model.InferenceNetwork;
import io.avreplay.perception.model.ModelFiles;
import io.avreplay.perception.onnx.OnnxForwardPass;
import io.avreplay.perception.onnx.OnnxOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The models shipped in this jar, each under {@code /models/<name>/} twice: the trained DL4J network
 * ({@code card.json} + {@code model.zip}) and its export by {@code avreplay models export}
 * ({@code onnx/card.json} + {@code onnx/model.onnx}, checked against a fresh export by the tests). A
 * shipped model is named {@code NAME} or {@code NAME@BACKEND}; see {@link Backend}. Stateless.
 */
final class ShippedModels {
    /** Where a shipped model's ONNX export lies, under its resource folder. */
    static final String ONNX_FOLDER = "onnx/";

    private ShippedModels() {
    }

    /**
     * The backends a shipped model runs on; the name without a suffix means {@link #DEFAULT}. All three
     * give the same detections to float noise (outputs equal to 1e-4, {@code OnnxExportTest}).
     */
    enum Backend {
        /** ONNX Runtime on the exported file: the fastest exact one (docs/BENCHMARKS.md), the default. */
        ONNX,
        /** The DL4J network through {@code FoldedConvNet} (batch norm folded, im2col + SGEMM). */
        FOLDED,
        /** DL4J's own {@code output}: the slow reference. */
        DL4J;

        static final Backend DEFAULT = ONNX;

        String suffix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A shipped model and the backend to run it on. */
    record Ref(String name, Backend backend) {
        /** @return {@code NAME@backend} */
        @Override
        public String toString() {
            return name + "@" + backend.suffix();
        }
    }

    /**
     * Parses {@code NAME} or {@code NAME@BACKEND}.
     *
     * @return empty when {@code value} is not a shipped model's name (with or without a suffix)
     * @throws BadInputException when the name is shipped but the suffix names no backend
     */
    static Optional<Ref> parse(String value) {
        int at = value.lastIndexOf('@');
        String name = at < 0 ? value : value.substring(0, at);
        if (!Detectors.SHIPPED.contains(name)) {
            return Optional.empty();
        }
        if (at < 0) {
            return Optional.of(new Ref(name, Backend.DEFAULT));
        }
        String suffix = value.substring(at + 1);
        for (Backend b : Backend.values()) {
            if (b.suffix().equals(suffix)) {
                return Optional.of(new Ref(name, b));
            }
        }
        throw new BadInputException(value + ": unknown backend '" + suffix + "' of shipped model " + name
                + ", expected one of " + Arrays.stream(Backend.values()).map(Backend::suffix).toList());
    }

    /**
     * Loads a shipped model on its backend.
     *
     * @throws BadInputException when a resource is missing or does not match its card
     */
    static Detector load(Ref ref, OnnxOptions onnx) {
        return switch (ref.backend()) {
            case ONNX -> loadOnnx(ref.name(), onnx);
            case FOLDED -> loadDl4j(ref.name(), false);
            case DL4J -> loadDl4j(ref.name(), true);
        };
    }

    /** @return the DL4J card of a shipped model */
    static ModelCard dl4jCard(String name) {
        return card(name, "");
    }

    private static ModelCard card(String name, String folder) {
        String path = folder + ModelCardJson.FILE_NAME;
        return ModelCardJson.fromJson(new String(bytes(name, path), StandardCharsets.UTF_8),
                "classpath:/models/" + name + "/" + path);
    }

    /** Loads {@code model.zip}; {@code dl4jOnly} skips the folded path. */
    static Detector loadDl4j(String name, boolean dl4jOnly) {
        ModelCard card = dl4jCard(name);
        String source = "classpath:/models/" + name + "/" + ModelFiles.MODEL_FILE;
        try (InputStream in = new ByteArrayInputStream(bytes(name, ModelFiles.MODEL_FILE))) {
            int regression = card.task() == io.avreplay.perception.api.ModelTask.LIDAR_3D ? LidarTargets.REGRESSION
                    : CameraTargets.REGRESSION;
            var net = ModelFiles.load(in, source, card, regression);
            ForwardPass pass = dl4jOnly ? InferenceNetwork.dl4jOnly(net) : new InferenceNetwork(net);
            return detector(card, pass);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Detector loadOnnx(String name, OnnxOptions onnx) {
        ModelCard card = card(name, ONNX_FOLDER);
        String file = ONNX_FOLDER + ((io.avreplay.perception.api.OnnxBackend) card.backend()).file();
        int regression = card.task() == io.avreplay.perception.api.ModelTask.LIDAR_3D ? LidarTargets.REGRESSION
                : CameraTargets.REGRESSION;
        OnnxForwardPass pass = OnnxForwardPass.open(bytes(name, file), "classpath:/models/" + name + "/" + file, card,
                regression, onnx);
        return detector(card, pass);
    }

    private static Detector detector(ModelCard card, ForwardPass pass) {
        return switch (card.task()) {
            case LIDAR_3D -> new LidarDetector(card, pass);
            case CAMERA_2D -> new CameraDetector(card, pass);
        };
    }

    /** @return the bytes of {@code /models/<name>/<file>} */
    static byte[] bytes(String name, String file) {
        String path = "/models/" + name + "/" + file;
        try (InputStream in = ShippedModels.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new BadInputException("classpath:" + path + ": no such model resource, shipped models are "
                        + Detectors.SHIPPED);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
