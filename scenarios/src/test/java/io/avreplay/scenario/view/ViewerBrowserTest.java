package io.avreplay.scenario.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.overlay.RunDetections;
import io.avreplay.scenario.synth.Presets;
import io.avreplay.scenario.synth.SynthOptions;
import io.avreplay.scenario.synth.Synthesizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer in a real browser (headless Chromium): the served page and the static file load, the
 * timeline moves when played and when scrubbed, a chosen frame shows the expected number of boxes of each
 * colour in the bird's-eye view and on the camera, and the console stays free of errors.
 */
class ViewerBrowserTest extends ArrowTest {
    private static final int FRAME = 6;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path log;
    private ChromeDriver browser;
    private RunDetections run;
    private Map<String, Integer> expected3d;
    private Map<String, Integer> expected2d;
    private double frameSeconds;
    private String camera;

    @BeforeEach
    void logAndRun() {
        log = tmp.resolve("urban");
        Synthesizer.generate(Presets.load("urban-intersection"), 3, 2_000_000_000L,
                SynthOptions.defaults().withRates(10, 5), log, allocator);
        try (LogReader r = LogReader.open(log, allocator)) {
            String id = r.manifest().logId();
            long ts = r.lidar(r.lidarIds().get(0)).timestampNs(FRAME);
            frameSeconds = (ts - r.manifest().startNs()) / 1e9;
            List<GroundTruth3d> truth = r.annotations3d().orElseThrow().read(FRAME).boxes();
            List<GroundTruth3d> scored = truth.stream()
                    .filter(a -> a.numPoints() > 0 && CategoryTable.standard().nuScenesClass(a.category()).isPresent()).toList();
            assertTrue(scored.size() >= 2, "the frame needs two scored objects, has " + scored.size());
            // one detection 0.5 m off the first scored object (true positive), one far behind the ego where the
            // synthesizer puts nothing within 2 m (false positive): every other scored object is missed.
            GroundTruth3d a = scored.get(0);
            Vec3 c = a.box().centre();
            RunDetections.Builder detections = RunDetections.builder()
                    .add(id, ts, Detection3d.of(Box3d.ego(new Vec3(c.x() + 0.5, c.y(), c.z()), 4, 2, 1.6, a.box().yaw()),
                            CategoryTable.standard().nuScenesClass(a.category()).get(), 0.9, 0, 0))
                    .add(id, ts, Detection3d.of(Box3d.ego(new Vec3(-45, -45, 0), 0.5, 0.5, 1, 0), "traffic_cone", 0.4, 0, 0));
            expected3d = Map.of("tp", 1, "fp", 1, "missed", scored.size() - 1, "gt", 1,
                    "ignored", truth.size() - scored.size());
            camera = r.cameraIds().get(0);
            FrameStream<CameraFrame> cams = r.camera(camera);
            long camNs = cams.timestampNs(cams.nearestIndex(ts));
            List<GroundTruth2d> truth2d = r.annotations2d(camera).orElseThrow().read(cams.nearestIndex(ts)).boxes();
            List<GroundTruth2d> scored2d = truth2d.stream().filter(b -> !b.trackId().isEmpty()).toList();
            assertTrue(!scored2d.isEmpty(), "the camera frame needs a 2D object");
            GroundTruth2d b = scored2d.get(0);
            // the exact box (IoU 1, true positive) and a 4x4 px box of an absent class in the corner (false positive)
            detections.add(id, camNs, Detection2d.of(camera, b.box(), b.category(), 0.8))
                    .add(id, camNs, Detection2d.of(camera, new Box2d(1, 1, 5, 5), "unicorn", 0.3));
            expected2d = Map.of("tp", 1, "fp", 1, "missed", scored2d.size() - 1, "gt", 1,
                    "ignored", truth2d.size() - scored2d.size());
            run = detections.build();
        }
        browser = Chromium.start(tmp.resolve("profile"));
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void servedPageLoadsPlaysAndShowsTheExpectedBoxes() throws Exception {
        try (LogReader r = LogReader.open(log, allocator);
             ViewServer server = LogView.serve(r, Optional.of(run),
                     List.of(new ScenarioWindow("left-turn", "the turn", 500_000_000L, 1_200_000_000L)), 3000, 0)) {
            browser.get(server.uri().toString());
            waitReady();
            assertEquals(0L, frame(), "opens at the first frame");
            assertEquals("left-turn", browser.findElement(By.cssSelector("#scenario-list li")).getDomAttribute("data-id"));

            browser.findElement(By.id("play")).click();
            new WebDriverWait(browser, WAIT).until(d -> frame() >= 3);
            browser.findElement(By.id("play")).click();

            browser.executeScript("var s = document.getElementById('scrub'); s.value = '2';"
                    + "s.dispatchEvent(new Event('input'));");
            assertEquals(2L, frame(), "scrubbing moves the timeline");

            browser.get(server.uri() + "#t=" + String.format(Locale.ROOT, "%.3f", frameSeconds) + "s");
            waitReady();
            assertShows(FRAME);
            assertEquals(List.of(), Chromium.consoleErrors(browser));
        }
    }

    @Test
    void staticFileOpensOfflineAtAnInstant() {
        Path html = tmp.resolve("view.html");
        try (LogReader r = LogReader.open(log, allocator)) {
            LogView.writeStatic(r, Optional.of(run), List.of(), 2000, html);
        }
        browser.get(html.toUri() + "#t=" + String.format(Locale.ROOT, "%.3f", frameSeconds) + "s");
        waitReady();
        assertShows(FRAME);
        assertEquals(List.of(), Chromium.consoleErrors(browser));
    }

    private void assertShows(int frame) {
        WebElement bev = browser.findElement(By.id("bev"));
        WebElement cam = browser.findElement(By.id("cam-" + camera));
        new WebDriverWait(browser, WAIT).until(d -> String.valueOf(frame).equals(cam.getDomAttribute("data-frame"))
                && String.valueOf(frame).equals(bev.getDomAttribute("data-frame")));
        for (String k : List.of("tp", "fp", "missed", "gt", "ignored")) {
            assertEquals(String.valueOf(expected3d.get(k)), bev.getDomAttribute("data-" + k), "bird's-eye view " + k);
            assertEquals(String.valueOf(expected2d.get(k)), cam.getDomAttribute("data-" + k), "camera " + k);
        }
    }

    private void waitReady() {
        new WebDriverWait(browser, WAIT).until(d -> Boolean.TRUE.equals(
                browser.executeScript("return !!(window.avreplayViewer && window.avreplayViewer.ready);")));
    }

    private long frame() {
        return ((Number) browser.executeScript("return window.avreplayViewer.frame;")).longValue();
    }
}
