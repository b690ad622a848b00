package io.avreplay.perception.train;

import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelCard;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Task-specific side of training: which samples exist, how they become tensors, how they are scored. */
interface SampleEncoder {
    /** @return the samples of {@code logs}, every {@code stride}-th frame */
    List<Sample> samples(LogSet logs, int stride);

    /** @return input tensor shape {channels, rows, cols} */
    int[] inputShape();

    /** @return target tensor shape {channels, rows, cols} */
    int[] targetShape();

    /** Writes one sample's input and target; augments with {@code rng} when {@code augment}. */
    void encode(LogSet logs, Sample s, Random rng, boolean augment, float[] in, int inOffset, float[] target,
            int targetOffset);

    /** @return the card for a freshly built network (provenance left untrained) */
    ModelCard card(TrainConfig config, long flops);

    /** @return a detector over {@code card} */
    Detector detector(ModelCard card, org.deeplearning4j.nn.multilayer.MultiLayerNetwork net);

    /** @return held-out metrics of {@code detector} over {@code samples} from the project evaluators, e.g. {@code nuscenes.ap_2.0.car} */
    Map<String, Double> evaluate(Detector detector, LogSet logs, List<Sample> samples);

    /** @return regression channels after the heatmaps */
    int regression();

    /**
     * @return the loss regresses where the largest heatmap target is at least this (1: centres only);
     *         see {@link io.avreplay.perception.model.CenterNetLoss}
     */
    default double regressionMinHeat() {
        return 1.0;
    }
}
