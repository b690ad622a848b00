package io.avreplay.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the synthetic benchmark inputs of docs/BENCHMARKS.md (Metrics): a nuScenes pair (6,000 samples,
 * about 50,000 GT boxes and 50,000 predictions) and a COCO pair (5,000 images). Test-scope tool:
 * {@code java -cp ... io.avreplay.eval.BenchDataGenerator OUT_DIR}.
 */
public final class BenchDataGenerator {
    private static final String[] CLASSES = {"car", "truck", "bus", "trailer", "construction_vehicle", "pedestrian",
        "motorcycle", "bicycle", "traffic_cone", "barrier"};

    private BenchDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        nuscenes(out, 6000, 8.3, new Random(1));
        coco(out, 5000, new Random(2));
    }

    static void nuscenes(Path out, int samples, double perSample, Random rnd) throws IOException {
        try (BufferedWriter gt = Files.newBufferedWriter(out.resolve("nuscenes-gt.json"));
                BufferedWriter pr = Files.newBufferedWriter(out.resolve("nuscenes-pred.json"))) {
            gt.write("{\"results\": {");
            pr.write("{\"meta\": {\"use_lidar\": true}, \"results\": {");
            StringBuilder poses = new StringBuilder();
            for (int s = 0; s < samples; s++) {
                String tok = "sample_" + s;
                double ex = rnd.nextDouble() * 1000;
                double ey = rnd.nextDouble() * 1000;
                poses.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\": [%.3f, %.3f, 0]", tok, ex,
                        ey));
                int n = (int) Math.round(perSample * (0.5 + rnd.nextDouble()));
                StringBuilder g = new StringBuilder();
                StringBuilder p = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    String cls = CLASSES[rnd.nextInt(CLASSES.length)];
                    double x = ex + (rnd.nextDouble() - 0.5) * 90;
                    double y = ey + (rnd.nextDouble() - 0.5) * 90;
                    double yaw = (rnd.nextDouble() - 0.5) * 2 * Math.PI;
                    String common = String.format(Locale.ROOT, "\"translation\": [%.4f, %.4f, 1.0], \"size\": [%.3f,"
                            + " %.3f, 1.6], \"yaw\": %.4f, \"velocity\": [%.3f, %.3f], \"detection_name\": \"%s\"",
                            x, y, 1 + rnd.nextDouble(), 2 + 3 * rnd.nextDouble(), yaw, rnd.nextGaussian(),
                            rnd.nextGaussian(), cls);
                    g.append(i == 0 ? "" : ",").append("{").append(common)
                            .append(", \"attribute_name\": \"\", \"num_pts\": ").append(rnd.nextInt(50)).append("}");
                    String pc = String.format(Locale.ROOT, "\"translation\": [%.4f, %.4f, 1.1], \"size\": [%.3f,"
                            + " %.3f, 1.5], \"yaw\": %.4f, \"velocity\": [0.5, 0.1], \"detection_name\": \"%s\"",
                            x + rnd.nextGaussian(), y + rnd.nextGaussian(), 1 + rnd.nextDouble(),
                            2 + 3 * rnd.nextDouble(), yaw + 0.3 * rnd.nextGaussian(), cls);
                    p.append(i == 0 ? "" : ",").append("{").append(pc).append(String.format(Locale.ROOT,
                            ", \"detection_score\": %.4f, \"attribute_name\": \"\"}", rnd.nextDouble()));
                }
                String sep = s == 0 ? "" : ",";
                gt.write(sep + "\"" + tok + "\": [" + g + "]");
                pr.write(sep + "\"" + tok + "\": [" + p + "]");
            }
            gt.write("}, \"ego_poses\": {" + poses + "}}");
            pr.write("}}");
        }
    }

    static void coco(Path out, int images, Random rnd) throws IOException {
        StringBuilder dt = new StringBuilder("[");
        try (BufferedWriter gt = Files.newBufferedWriter(out.resolve("coco-gt.json"))) {
            gt.write("{\"images\": [");
            for (int i = 0; i < images; i++) {
                gt.write((i == 0 ? "" : ",") + "{\"id\": " + i + ", \"width\": 1280, \"height\": 720}");
            }
            gt.write("], \"categories\": [{\"id\": 1, \"name\": \"car\"}, {\"id\": 2, \"name\": \"pedestrian\"},"
                    + " {\"id\": 3, \"name\": \"cyclist\"}], \"annotations\": [");
            int id = 1;
            boolean firstDt = true;
            for (int i = 0; i < images; i++) {
                int n = 2 + rnd.nextInt(12);
                for (int k = 0; k < n; k++) {
                    double w = 5 + rnd.nextDouble() * 200;
                    double h = 5 + rnd.nextDouble() * 200;
                    double x = rnd.nextDouble() * 1000;
                    double y = rnd.nextDouble() * 500;
                    int cat = 1 + rnd.nextInt(3);
                    gt.write((id == 1 ? "" : ",") + String.format(Locale.ROOT, "{\"id\": %d, \"image_id\": %d,"
                            + " \"category_id\": %d, \"bbox\": [%.2f, %.2f, %.2f, %.2f], \"area\": %.2f,"
                            + " \"iscrowd\": %d}", id++, i, cat, x, y, w, h, w * h, rnd.nextInt(20) == 0 ? 1 : 0));
                    for (int d = 0; d < 2; d++) {
                        dt.append(firstDt ? "" : ",").append(String.format(Locale.ROOT, "{\"image_id\": %d,"
                                + " \"category_id\": %d, \"bbox\": [%.2f, %.2f, %.2f, %.2f], \"score\": %.3f}", i,
                                rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(3) : cat, x + rnd.nextGaussian() * w * 0.1,
                                y + rnd.nextGaussian() * h * 0.1, w * (0.8 + 0.4 * rnd.nextDouble()),
                                h * (0.8 + 0.4 * rnd.nextDouble()), rnd.nextDouble()));
                        firstDt = false;
                    }
                }
            }
            gt.write("]}");
        }
        Files.writeString(out.resolve("coco-dt.json"), dt.append("]").toString());
    }
}
