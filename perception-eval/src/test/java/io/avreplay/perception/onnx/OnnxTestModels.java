package io.avreplay.perception.onnx;

import onnx.Onnx;

/** Small ONNX files for tests, built with the ONNX protobuf classes. */
final class OnnxTestModels {
    private OnnxTestModels() {
    }

    /** A graph {@code heads = Cast<float>(input)} whose input is int64 {@code [N, 4, 160, 160]}. */
    static byte[] int64InputCast() {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("cast")
                .addNode(Onnx.NodeProto.newBuilder().setOpType("Cast").addInput("input").addOutput("heads")
                        .addAttribute(Onnx.AttributeProto.newBuilder().setName("to")
                                .setType(Onnx.AttributeProto.AttributeType.INT)
                                .setI(Onnx.TensorProto.DataType.FLOAT.getNumber())))
                .addInput(value("input", Onnx.TensorProto.DataType.INT64, 4, 160, 160))
                .addOutput(value("heads", Onnx.TensorProto.DataType.FLOAT, 4, 160, 160));
        return Onnx.ModelProto.newBuilder().setIrVersion(7)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(g).build().toByteArray();
    }

    private static Onnx.ValueInfoProto value(String name, Onnx.TensorProto.DataType type, int c, int h, int w) {
        Onnx.TensorShapeProto.Builder s = Onnx.TensorShapeProto.newBuilder()
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (int d : new int[] {c, h, w}) {
            s.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name).setType(Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(s))).build();
    }
}
