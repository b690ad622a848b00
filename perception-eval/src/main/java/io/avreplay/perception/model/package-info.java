/**
 * DL4J pieces shared by the lidar and camera models: the CenterNet loss, the network builder with its
 * FLOP count, the heatmap peak finding both decoders start from ({@link io.avreplay.perception.model.HeatmapPeaks}),
 * and model directory I/O ({@code model.zip} + {@code card.json}) with checks that name expected versus
 * actual. DL4J and ND4J types live here and in the lidar, camera and train packages only.
 */
package io.avreplay.perception.model;
