package io.avreplay.fleet.job;

import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.onnx.OnnxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;

/**
 * The models of one executor JVM, loaded on first use and kept for the JVM's life: a shipped model
 * directory is written to a temporary directory once per JVM, and loaded detectors are pooled, one pair
 * per concurrently running task (a detector is used by one thread at a time), so a task never loads a
 * model another task of the same executor already loaded. The state is static on purpose: it is the
 * executor JVM's cache, which Spark offers no other home for. Detectors and their allocator live until
 * the JVM exits. Thread-safe.
 */
final class ExecutorModels {
    /** A lidar detector and an optional camera detector, borrowed by one task at a time. */
    record Loaded(Detector lidar, Optional<Detector> camera) {
    }

    private static final ConcurrentHashMap<String, Path> DIRECTORIES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, ConcurrentLinkedQueue<Loaded>> IDLE = new ConcurrentHashMap<>();
    /** Parent of exec models' Arrow buffers; never closed (the detectors live as long as the JVM). */
    private static final RootAllocator MODEL_ALLOCATOR = new RootAllocator();

    private ExecutorModels() {
    }

    /** Borrows a loaded pair for {@code shipment} (loading one when none is idle); give it back with {@link #release}. */
    static Loaded borrow(ModelShipment shipment) {
        Loaded l = IDLE.computeIfAbsent(key(shipment), k -> new ConcurrentLinkedQueue<>()).poll();
        return l != null ? l : load(shipment);
    }

    /** Returns a pair for the next task of this executor. */
    static void release(ModelShipment shipment, Loaded loaded) {
        IDLE.computeIfAbsent(key(shipment), k -> new ConcurrentLinkedQueue<>()).add(loaded);
    }

    private static String key(ModelShipment s) {
        return s.lidar() + "|" + s.camera() + "|" + s.digests() + "|" + s.onnxThreads();
    }

    private static Loaded load(ModelShipment s) {
        OnnxOptions d = OnnxOptions.defaults();
        OnnxOptions onnx = new OnnxOptions(s.onnxThreads(), d.interOpThreads(), d.cuda());
        Function<String, String> value = role -> s.digests().containsKey(role)
                ? DIRECTORIES.computeIfAbsent(s.digests().get(role), digest -> materialize(s, role)).toString()
                : role.equals("lidar") ? s.lidar() : s.camera();
        Detector lidar = Detectors.resolve("--lidar-model", value.apply("lidar"), ModelTask.LIDAR_3D, onnx,
                MODEL_ALLOCATOR).orElseThrow(() -> new io.avreplay.error.InvalidConfigException(
                        "--lidar-model: run needs a lidar model, got 'none'"));
        Optional<Detector> camera = Detectors.resolve("--camera-model", value.apply("camera"), ModelTask.CAMERA_2D,
                onnx, MODEL_ALLOCATOR);
        return new Loaded(lidar, camera);
    }

    private static Path materialize(ModelShipment s, String role) {
        try {
            Path dir = Files.createTempDirectory("avreplay-fleet-model-");
            s.materialize(role, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a model directory: " + e.getMessage(), e);
        }
    }
}
