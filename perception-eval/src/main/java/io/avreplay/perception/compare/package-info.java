/**
 * Side-by-side comparison of models or backends on the same logs ({@code avreplay compare}): each model
 * runs through the same {@link io.avreplay.perception.run.RunPipeline}, a {@code RecordingDetector}
 * records its per-frame latency and detections, and {@link io.avreplay.perception.compare.Comparison}
 * reports metrics, latency percentiles, throughput, peak heap and agreement with the first model.
 */
package io.avreplay.perception.compare;
