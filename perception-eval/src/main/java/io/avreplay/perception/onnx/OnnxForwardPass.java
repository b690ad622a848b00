package io.avreplay.perception.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.OnnxBackend;
import io.avreplay.perception.model.ForwardPass;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs an ONNX file through one ONNX Runtime session, created (and checked against the card) once at
 * {@link #open} and released by {@link #close}. The session is on the CUDA execution provider when
 * {@link OnnxOptions#cuda()} and the loaded runtime offers CUDA, else on the CPU. Not thread-safe (one
 * caller at a time, like the detector that owns it).
 */
public final class OnnxForwardPass implements ForwardPass {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final String provider;
    private final java.util.Optional<String> cpuReason;

    private OnnxForwardPass(OrtEnvironment env, OrtSession session, OnnxBackend backend,
            java.util.Optional<String> cpuReason) {
        this.env = env;
        this.session = session;
        this.inputName = backend.inputName();
        this.outputName = backend.outputName();
        this.provider = cpuReason.isEmpty() ? "onnxruntime-cuda" : "onnxruntime-cpu";
        this.cpuReason = cpuReason;
    }

    /** @return why this session runs on the CPU provider; empty when it runs on CUDA */
    public java.util.Optional<String> cpuReason() {
        return cpuReason;
    }

    /** @return whether the loaded ONNX Runtime offers the CUDA execution provider */
    public static boolean cudaAvailable() {
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    }

    /**
     * @return why sessions run on the CPU provider, or empty when they can use CUDA: the loaded ONNX Runtime
     *         is the CPU artifact ({@code com.microsoft.onnxruntime:onnxruntime}), or CUDA was not asked for
     */
    public static java.util.Optional<String> cpuReason(OnnxOptions options) {
        if (!options.cuda()) {
            return java.util.Optional.of("CUDA not requested");
        }
        if (!cudaAvailable()) {
            return java.util.Optional.of("the ONNX Runtime on the class path (com.microsoft.onnxruntime:onnxruntime) "
                    + "has no CUDA execution provider; a GPU needs the onnxruntime_gpu artifact, CUDA and cuDNN "
                    + "(docs/detector-protocol.md, section GPU)");
        }
        return java.util.Optional.empty();
    }

    /** Makes a session from wherever the model's bytes are. */
    @FunctionalInterface
    private interface SessionSource {
        OrtSession create(OrtEnvironment env, OrtSession.SessionOptions options) throws OrtException;
    }

    /**
     * Opens the card's ONNX file in {@code dir} and checks its input and output against the card before
     * any frame is read.
     *
     * @param regression regression channels the task's decoder reads after the class heatmaps
     * @throws BadInputException naming the file, the tensor and expected versus actual when the file is
     *                           missing or unreadable, or a name, element type or shape does not fit
     */
    public static OnnxForwardPass open(Path dir, ModelCard card, int regression, OnnxOptions options) {
        OnnxBackend backend = onnxBackend(card);
        Path file = dir.resolve(backend.file());
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": ONNX file named by the card's backend.file does not exist");
        }
        return open(file.toString(), (env, so) -> env.createSession(file.toString(), so), card, backend, regression,
                options);
    }

    /**
     * As {@link #open(Path, ModelCard, int, OnnxOptions)} for an ONNX model held in memory (a classpath
     * resource), named {@code source} in errors.
     */
    public static OnnxForwardPass open(byte[] model, String source, ModelCard card, int regression,
            OnnxOptions options) {
        return open(source, (env, so) -> env.createSession(model, so), card, onnxBackend(card), regression, options);
    }

    private static OnnxBackend onnxBackend(ModelCard card) {
        if (!(card.backend() instanceof OnnxBackend backend)) {
            throw new IllegalArgumentException("card " + card.name() + " has backend " + card.backend().kind()
                    + ", expected onnx");
        }
        return backend;
    }

    private static OnnxForwardPass open(String source, SessionSource make, ModelCard card, OnnxBackend backend,
            int regression, OnnxOptions options) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (options.intraOpThreads() > 0) {
                so.setIntraOpNumThreads(options.intraOpThreads());
            }
            if (options.interOpThreads() > 0) {
                so.setInterOpNumThreads(options.interOpThreads());
            }
            java.util.Optional<String> cpu = cpuReason(options);
            if (cpu.isEmpty()) {
                try {
                    so.addCUDA(0);
                } catch (OrtException e) {
                    // The GPU artifact without a usable GPU (or CUDA libraries): run on the CPU and say why.
                    cpu = java.util.Optional.of("the CUDA execution provider could not start on device 0: "
                            + firstLine(e.getMessage()));
                }
            }
            session = make.create(env, so);
            int[] in = card.inputShape();
            check(source, "input", backend.inputName(), session.getInputInfo(),
                    new long[] {-1, in[0], in[1], in[2]});
            int[] grid = card.outputGrid();
            check(source, "output", backend.outputName(), session.getOutputInfo(),
                    new long[] {-1, card.classes().size() + regression, grid[0], grid[1]});
            return new OnnxForwardPass(env, session, backend, cpu);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new BadInputException(source + ": ONNX Runtime cannot load the model: " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** Checks a graph input or output: present, float32, rank 4 and {@code expected} where that is not -1. */
    private static void check(String file, String what, String name, Map<String, NodeInfo> infos, long[] expected) {
        NodeInfo node = infos.get(name);
        if (node == null) {
            throw new BadInputException(file + ": " + what + " '" + name + "' named by the card is missing, the model has "
                    + infos.keySet());
        }
        if (!(node.getInfo() instanceof TensorInfo t)) {
            throw new BadInputException(file + ": " + what + " '" + name + "': expected a tensor, got " + node.getInfo());
        }
        if (t.type != OnnxJavaType.FLOAT) {
            throw new BadInputException(file + ": " + what + " '" + name + "': expected element type float32, got "
                    + t.type);
        }
        long[] shape = t.getShape();
        boolean fits = shape.length == expected.length;
        for (int i = 0; fits && i < shape.length; i++) {
            // A symbolic (-1) dimension in the file fits any expected size; -1 expected accepts any size.
            fits = expected[i] < 0 || shape[i] < 0 || shape[i] == expected[i];
        }
        if (!fits) {
            throw new BadInputException(file + ": " + what + " '" + name + "' shape: expected " + dims(expected)
                    + " (from the card), got " + dims(shape));
        }
    }

    private static String dims(long[] shape) {
        return Arrays.toString(Arrays.stream(shape).mapToObj(d -> d < 0 ? "N" : Long.toString(d)).toArray());
    }

    @Override
    public float[] outputs(float[] input, int samples, int[] shape) {
        long[] dims = {samples, shape[0], shape[1], shape[2]};
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), dims);
                OrtSession.Result r = session.run(Map.of(inputName, x))) {
            OnnxValue v = r.get(outputName).orElseThrow();
            FloatBuffer out = ((OnnxTensor) v).getFloatBuffer();
            float[] a = new float[out.remaining()];
            out.get(a);
            return a;
        } catch (OrtException e) {
            throw new BadInputException("ONNX Runtime failed on a batch of " + samples + " inputs "
                    + Arrays.toString(dims) + ": " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public String backendName() {
        return provider;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException e) {
                // Nothing is left to release that the caller could act on.
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
