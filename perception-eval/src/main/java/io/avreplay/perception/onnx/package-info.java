/**
 * ONNX for the perception models: {@link io.avreplay.perception.onnx.OnnxExport} writes a folded CenterNet
 * network as a standard ONNX file (opset 13, built with the ONNX protobuf schema) and
 * {@link io.avreplay.perception.onnx.OnnxForwardPass} runs any ONNX file whose input and output match a
 * model card, through ONNX Runtime. The detectors decode its outputs as they do DL4J's.
 */
package io.avreplay.perception.onnx;
