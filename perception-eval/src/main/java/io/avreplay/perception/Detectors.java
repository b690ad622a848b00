package io.avreplay.perception;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.camera.CameraDetector;
import io.avreplay.perception.camera.HogPedestrianDetector;
import io.avreplay.perception.lidar.LidarDetector;
import io.avreplay.perception.model.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Loads detectors. A model is a directory holding {@code model.zip} and {@code card.json}; the default
 * models ship in this jar under {@code /models/<name>/}. Thread-safe; each call returns a new detector.
 */
public final class Detectors {
    /** Name of the default lidar model resource. */
    public static final String DEFAULT_LIDAR = "bev-centernet-s";
    /** Name of the default camera model resource. */
    public static final String DEFAULT_CAMERA = "cam-centernet-s";

    private Detectors() {
    }

    /**
     * Sets how many native threads one detector call may use (ND4J's parallel loops), returning
     * the previous value. Two detectors running concurrently on two cores go faster with one thread each
     * than with two each contending; process-wide, so callers restore the previous value.
     */
    public static int setNativeThreadsPerCall(int threads) {
        return io.avreplay.perception.model.NativeThreads.setPerCall(threads);
    }

    /** @return the default lidar 3D detector */
    public static Detector loadDefaultLidar() {
        return loadResource(DEFAULT_LIDAR);
    }

    /** @return the default camera 2D detector */
    public static Detector loadDefaultCamera() {
        return loadResource(DEFAULT_CAMERA);
    }

    /** @return OpenCV's HOG people detector, a baseline that needs no model files */
    public static Detector hogPedestrians() {
        return new HogPedestrianDetector();
    }

    /**
     * Loads a model directory ({@code card.json} + {@code model.zip}).
     *
     * @throws BadInputException naming the file and expected versus actual when the card or the network is
     *                           missing, corrupt, or they do not match
     */
    public static Detector load(Path modelDir) {
        ModelCard card = ModelCardJson.read(modelDir.resolve(ModelCardJson.FILE_NAME));
        return switch (card.task()) {
            case LIDAR_3D -> LidarDetector.load(modelDir, card);
            case CAMERA_2D -> CameraDetector.load(modelDir, card);
        };
    }

    /**
     * Loads a model bundled under {@code /models/<name>/}.
     *
     * @throws BadInputException when the resource is missing or invalid
     */
    public static Detector loadResource(String name) {
        String base = "/models/" + name + "/";
        ModelCard card;
        try (InputStream in = Detectors.class.getResourceAsStream(base + ModelCardJson.FILE_NAME)) {
            if (in == null) {
                throw new BadInputException("classpath:" + base + ModelCardJson.FILE_NAME + ": no such model resource");
            }
            card = ModelCardJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:" + base + ModelCardJson.FILE_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String zip = base + ModelFiles.MODEL_FILE;
        try (InputStream in = Detectors.class.getResourceAsStream(zip)) {
            if (in == null) {
                throw new BadInputException("classpath:" + zip + ": no such model resource");
            }
            return switch (card.task()) {
                case LIDAR_3D -> LidarDetector.load(in, "classpath:" + zip, card);
                case CAMERA_2D -> CameraDetector.load(in, "classpath:" + zip, card);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
