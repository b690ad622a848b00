package io.avreplay.perception.onnx;

import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.api.OnnxBackend;
import io.avreplay.perception.model.FoldedConvNet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;

/**
 * Writes a {@link FoldedConvNet} as an ONNX model (IR version 7, default-domain opset 13): one {@code Conv}
 * per folded layer with explicit "same" pads for the card's input size, then {@code Relu} where the layer
 * has one. The graph input is float32 {@code [batch, channels, rows, cols]} (batch symbolic), the output
 * float32 {@code [batch, heads, rows / stride, cols / stride]}. Built with the generated ONNX protobuf
 * classes that ND4J ships ({@code onnx.Onnx}). Stateless and thread-safe.
 */
public final class OnnxExport {
    /** Default-domain opset the exported files declare. */
    public static final int OPSET = 13;
    /** ONNX IR version matching {@link #OPSET} (ONNX 1.8). */
    public static final long IR_VERSION = 7;
    /** File name of the exported network inside a model directory. */
    public static final String FILE_NAME = "model.onnx";
    /** Name of the graph input. */
    public static final String INPUT = "input";
    /** Name of the graph output. */
    public static final String OUTPUT = "heads";

    private OnnxExport() {
    }

    /** @return the card's ONNX backend for a file written by {@link #toOnnx} */
    public static OnnxBackend backend() {
        return new OnnxBackend(FILE_NAME, INPUT, OUTPUT, OPSET);
    }

    /**
     * @param net  the folded network
     * @param card its card: the input shape fixes the pads and the graph's declared shapes
     * @return the serialized {@code ModelProto}
     */
    public static byte[] toOnnx(FoldedConvNet net, ModelCard card) {
        int[] shape = card.inputShape();
        List<FoldedConvNet.FoldedLayer> layers = net.layers();
        if (layers.get(0).in() != shape[0]) {
            throw new IllegalArgumentException("network takes " + layers.get(0).in() + " input channels, card "
                    + card.name() + " says " + shape[0]);
        }
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName(card.name());
        String x = INPUT;
        int rows = shape[1];
        int cols = shape[2];
        for (int i = 0; i < layers.size(); i++) {
            FoldedConvNet.FoldedLayer l = layers.get(i);
            boolean last = i == layers.size() - 1;
            String w = "conv" + i + ".weight";
            String b = "conv" + i + ".bias";
            g.addInitializer(floats(w, l.weights(), l.out(), l.in(), l.kernel(), l.kernel()));
            g.addInitializer(floats(b, l.bias(), l.out()));
            String y = last && !l.relu() ? OUTPUT : "conv" + i;
            int[] pad = FoldedConvNet.samePadding(l.kernel(), l.stride(), l.dilation(), rows, cols);
            g.addNode(Onnx.NodeProto.newBuilder().setOpType("Conv").setName("conv" + i)
                    .addInput(x).addInput(w).addInput(b).addOutput(y)
                    .addAttribute(ints("kernel_shape", l.kernel(), l.kernel()))
                    .addAttribute(ints("strides", l.stride(), l.stride()))
                    .addAttribute(ints("dilations", l.dilation(), l.dilation()))
                    .addAttribute(ints("pads", pad[0], pad[1], pad[2], pad[3])));
            x = y;
            if (l.relu()) {
                String r = last ? OUTPUT : "relu" + i;
                g.addNode(Onnx.NodeProto.newBuilder().setOpType("Relu").setName("relu" + i).addInput(x).addOutput(r));
                x = r;
            }
            rows = -Math.floorDiv(-rows, l.stride());
            cols = -Math.floorDiv(-cols, l.stride());
        }
        g.addInput(value(INPUT, shape[0], shape[1], shape[2]));
        g.addOutput(value(OUTPUT, layers.get(layers.size() - 1).out(), rows, cols));
        return Onnx.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("avreplay")
                .setModelVersion(1)
                .setDocString(card.name() + ": " + card.architecture())
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(g)
                .build()
                .toByteArray();
    }

    /**
     * Writes {@code model.onnx} and its {@code card.json} (the card with an {@link OnnxBackend}) into a new
     * directory {@code outDir}, built beside it and renamed into place.
     *
     * @return the card written
     * @throws UncheckedIOException when {@code outDir} exists or cannot be written
     */
    public static ModelCard write(FoldedConvNet net, ModelCard card, Path outDir) {
        ModelCard onnxCard = card.withBackend(backend());
        Path abs = outDir.toAbsolutePath();
        try {
            if (Files.exists(abs)) {
                throw new FileAlreadyExistsException(abs.toString());
            }
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp");
            Files.write(tmp.resolve(FILE_NAME), toOnnx(net, card));
            ModelCardJson.write(onnxCard, tmp.resolve(ModelCardJson.FILE_NAME));
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            return onnxCard;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ONNX model directory " + abs + ": " + e, e);
        }
    }

    private static Onnx.TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name)
                .setDataType(Onnx.TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static Onnx.AttributeProto ints(String name, long... values) {
        Onnx.AttributeProto.Builder a = Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    /** A float32 tensor value {@code [batch, channels, rows, cols]} with a symbolic batch. */
    private static Onnx.ValueInfoProto value(String name, int channels, int rows, int cols) {
        Onnx.TensorShapeProto.Builder s = Onnx.TensorShapeProto.newBuilder()
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : new int[] {channels, rows, cols}) {
            s.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name)
                .setType(Onnx.TypeProto.newBuilder().setTensorType(Onnx.TypeProto.Tensor.newBuilder()
                        .setElemType(Onnx.TensorProto.DataType.FLOAT.getNumber()).setShape(s)))
                .build();
    }
}
