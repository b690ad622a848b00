package io.avreplay.scenario.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.BootstrapConfig;
import io.avreplay.scenario.gate.EvalFrame;
import io.avreplay.scenario.gate.Gate;
import io.avreplay.scenario.gate.GateEvaluator;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.SafetyScorer;
import io.avreplay.scenario.scoring.ScoringLayout;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;

class ReportsTest extends ArrowTest {
    static final long LOG_START = 1_000_000_000_000L;
    static final long PERIOD = 100_000_000L;

    /**
     * 10 frames from 2 s after the log start: one pedestrian "p" at 12 m, detected 0.5 m off laterally in
     * frames 0-5 and missed in 6-9; one false car at 30 m in frame 0.
     */
    static ScenarioOutcome outcome(List<String> gateTexts) {
        List<EvalFrame> frames = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            List<Detection3d> d = new ArrayList<>();
            if (f < 6) {
                d.add(new Detection3d(Box3d.ego(new Vec3(12, 0.5, 0.9), 0.8, 0.8, 1.8, 0), "pedestrian", 0.8, 0, 0,
                        List.of(), "", Double.NaN, ""));
            }
            if (f == 0) {
                d.add(new Detection3d(Box3d.ego(new Vec3(30, 0, 0.8), 4.5, 1.9, 1.6, 0), "car", 0.6, 0, 0, List.of(), "",
                        Double.NaN, ""));
            }
            frames.add(new EvalFrame(LOG_START + 2_000_000_000L + f * PERIOD, List.of(new GroundTruth3d(
                    Box3d.ego(new Vec3(12, 0, 0.9), 0.8, 0.8, 1.8, 0), "human.pedestrian.adult", "p", 30, 0, 0, List.of(),
                    Float.NaN)), d));
        }
        SafetyScorer scorer = new SafetyScorer();
        SafetyScorer.Units u = scorer.accumulate(frames, List.of("car", "pedestrian"));
        List<Gate> gates = gateTexts.stream().map(t -> Gate.parse(t, Set.of("car", "pedestrian"))).toList();
        List<GateResult> results = new GateEvaluator(new BootstrapConfig(100, 0.95, 1)).evaluate(gates, scorer, u,
                Optional.empty());
        return new ScenarioOutcome("ped-near", "Pedestrian near", "ped.yaml", "log-1", frames.get(0).timestampNs(),
                frames.get(9).timestampNs(), 10, List.of("car", "pedestrian"), results, scorer.curves(u, 2.0), List.of(),
                LOG_START, new ScenarioOutcome.Association(50_000_000L, 1, 0),
                scorer.detail(u, gates, ScoringLayout.DEFAULT_BINS), 0.25);
    }

    static GateRun run(List<ScenarioOutcome> s) {
        return new GateRun("catalog", "cand", "", "safety", BootstrapConfig.defaults(), "test", s, "2026-12-06T08:00:00");
    }

    static final List<String> GATES = List.of("recall[pedestrian, 0-30m] >= 0.5",
            "frames[pedestrian, 0-30m].tp_rate(normal) >= 0.9", "max_miss_s[pedestrian, 0-20m] <= 0.5",
            "ap[car]@2m drop <= 0.1");

    static void validate(String xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator v = f.newSchema(ReportsTest.class.getResource("/junit/junit-jenkins.xsd")).newValidator();
        v.validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void junitHasErrorsTimeTimestampAndValidates() throws Exception {
        String xml = JunitXmlReport.render(run(List.of(outcome(GATES))));
        // recall 6/10 passes; tp rate 6/10 fails; longest miss 4 x 0.1 = 0.4 s passes; the regression is skipped.
        assertTrue(xml.contains("tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\" time=\"0.250\" "
                + "timestamp=\"2026-12-06T08:00:00\""), xml);
        assertTrue(xml.contains("name=\"max_miss_s[pedestrian, 0-20m] &lt;= 0.5\" time=\"0.063\""), xml);
        validate(xml);
    }

    @Test
    void runThatJudgedNothingIsAnErrorInJunitAndFails() throws Exception {
        GateRun empty = run(List.of());
        assertTrue(empty.failed());
        assertEquals(List.of("catalogue catalog has no scenario: nothing was gated"), empty.problems());
        String xml = JunitXmlReport.render(empty);
        assertTrue(xml.contains("errors=\"1\"") && xml.contains("NothingJudged"), xml);
        validate(xml);
        GateRun noGates = run(List.of(outcome(List.of())));
        assertTrue(noGates.failed(), "a catalogue without gates is never green");
        assertDoesNotThrow(() -> validate(JunitXmlReport.render(noGates)));
    }

    @Test
    void timelineMarksAreCentredAndStayInsideThePlot() {
        // Frames 2.0-2.9 s, period 0.1 s: the axis runs 1.95-2.95 s (1.0 s over 640 px), each mark 64 px wide
        // centred on its frame: the first spans x 150-214, the last 726-790 = plot left 150 + width 640.
        // Ticks every 0.2 s (span/8 = 0.125 rounds up to 0.2): 2.0, 2.2, ..., 2.8.
        double[] t = new double[10];
        boolean[] hit = new boolean[10];
        for (int i = 0; i < 10; i++) {
            t[i] = 2.0 + 0.1 * i;
            hit[i] = i < 6;
        }
        String svg = SvgCharts.timeline("t", List.of("p"), List.of(t), List.of(hit), 2.0, 2.9, 0.1);
        assertTrue(svg.contains("<rect x=\"150.0\" y=\"19.0\" width=\"64.0\""), svg);
        assertTrue(svg.contains("<rect x=\"726.0\" y=\"19.0\" width=\"64.0\""), svg);
        assertTrue(svg.contains(">2.0</text>") && svg.contains(">2.8</text>") && !svg.contains(">3.0</text>"), svg);
    }

    @Test
    void jsonMarkdownAndHtmlCarryTheViews() {
        GateRun r = run(List.of(outcome(GATES)));
        String json = JsonReport.render(r);
        // 0-30 m pedestrian: 10 truths, 6 TP, recall 0.6; the car bin 30-50 m has one FP.
        assertTrue(json.contains("\"class\" : \"pedestrian\",\n      \"bin\" : \"0-30m\",\n      \"truth\" : 10,\n"
                + "      \"true_positives\" : 6"), json);
        assertTrue(json.contains("\"gate\" : \"frames[pedestrian, 0-30m].tp_rate(normal) >= 0.9\",\n      \"passed\" : 6,\n"
                + "      \"failed\" : 4"), json);
        // p is first seen 2.0 s after the log start; longest miss 0.4 s.
        assertTrue(json.contains("\"first_seen_s\" : 2.0") && json.contains("\"longest_miss_s\" : 0.4"), json);
        assertTrue(json.contains("\"outputs_without_truth\" : 1"), json);
        String md = MarkdownReport.render(r);
        assertTrue(md.contains("| pedestrian | 0–30 m | 10 | 0.6000 | 1.0000 |"), md);
        String html = HtmlReport.render(r);
        assertTrue(html.contains("window 2.0–2.9 s from the log start"), html);
        assertTrue(html.contains("time from log start (s)") && html.contains("distance from ego (m)"), "axes");
        assertTrue(html.contains(">0.4 s<") && html.contains("Confusion"), "worst objects and confusion");
    }

    @Test
    void objectTableAsCsvAndArrow() throws Exception {
        ScenarioOutcome s = outcome(GATES);
        String csv = ObjectTable.csv(s);
        String[] lines = csv.split("\n");
        // Header + frame 0 (truth, 2 detections) + frames 1-5 (truth, detection) + frames 6-9 (truth): 1 + 3 + 10 + 4.
        assertEquals(18, lines.length);
        assertEquals(String.join(",", ObjectTable.COLUMNS), lines[0]);
        // Frame 0, the pedestrian truth: matched, 12 m, lateral error 0.5 m.
        assertTrue(lines[1].startsWith("0," + (LOG_START + 2_000_000_000L) + ",2.00000,truth,pedestrian,p,matched,,12.0000,"
                + "0.00000,12.0000,30,,pedestrian,0.00000,0.500000,"), lines[1]);
        assertTrue(lines[3].contains(",detection,car,,false,0.600000,30.0000,"), lines[3]);
        Path file = tmp.resolve("ped.objects.arrow");
        ObjectTable.writeArrow(s, file, allocator);
        try (FileChannel ch = FileChannel.open(file); ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            reader.loadNextBatch();
            assertEquals(17, root.getRowCount());
            assertEquals("missed", new String(((VarCharVector) root.getVector("status")).get(16)));
            assertEquals(0.5, ((Float8Vector) root.getVector("lat_err_m")).get(0), 1e-12);
            assertTrue(root.getVector("score").isNull(0), "truth has no score");
        }
    }
}
