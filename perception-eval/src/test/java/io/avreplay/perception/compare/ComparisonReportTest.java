package io.avreplay.perception.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.perception.api.ModelTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {
    private static Comparison.Row camera(String label, String backend, double ap50, Agreement a) {
        return new Comparison.Row(label, "cam-centernet-s", backend, ModelTask.CAMERA_2D,
                Map.of(Comparison.Metric.COCO_AP, 0.04, Comparison.Metric.COCO_AP50, ap50,
                        Comparison.Metric.COCO_AP75, Double.NaN),
                Map.of("car", 0.15, "pothole", Double.NaN), 201, 10, 12, 20, 90, 64L << 20, 512L << 20, a);
    }

    @Test
    void cameraRowsGetTheirOwnSectionAndUndefinedFiguresAreNullOrNa() throws Exception {
        List<Comparison.Row> rows = List.of(camera("cam@dl4j", "dl4j", 0.1, new Agreement(40, 40, 0)),
                camera("cam", "onnxruntime-cpu", 0.1, new Agreement(40, 39, 2e-6)));
        JsonNode j = new ObjectMapper().readTree(ComparisonReport.json(List.of("log"), rows));
        assertEquals(0.9, j.get("agreement_iou").asDouble());
        JsonNode second = j.get("models").get(1);
        assertEquals("CAMERA_2D", second.get("task").asText());
        assertTrue(second.get("coco_ap75").isNull(), second.toString());
        assertTrue(second.get("class_aps").get("pothole").isNull());
        // 39 of 40 matched.
        assertEquals(0.975, second.get("agreement_with_first").get("matched_share").asDouble(), 1e-12);
        String md = ComparisonReport.markdown(List.of("log"), rows);
        assertTrue(md.contains("## Camera models") && !md.contains("## Lidar models"), md);
        // 512 MiB of peak RSS, one decimal; AP75 undefined.
        // Same throughput as the first: 1.00x.
        assertTrue(md.contains("| cam (cam-centernet-s) | onnxruntime-cpu | 0.0400 | 0.1000 | n/a | 201 | 10.00 | 12.00 "
                + "| 20.00 | 90.00 (1.00×) | 64.0 | 512.0 | 0.9750 (39 of 40) | 2.0e-06 |"), md);
        assertTrue(md.contains("| cam@dl4j (cam-centernet-s) | dl4j |") && md.contains("| reference |  |"), md);
        assertTrue(ComparisonReport.html(List.of("log"), rows).contains("<h2>Camera models"));
    }

    @Test
    void aRowMustCarryItsTasksMetrics() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Comparison.Row("x", "m",
                "dl4j", ModelTask.LIDAR_3D, Map.of(Comparison.Metric.COCO_AP, 0.1), Map.of(), 1, 1, 1, 1, 1, 1, 1,
                new Agreement(0, 0, 0)));
        assertTrue(e.getMessage().startsWith("metrics: expected [MEAN_AP, ND_SCORE] for LIDAR_3D"), e.getMessage());
    }
}
