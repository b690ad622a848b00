package io.avreplay.scenario.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.scenario.overlay.RunDetections;
import io.avreplay.scenario.synth.Presets;
import io.avreplay.scenario.synth.SynthOptions;
import io.avreplay.scenario.synth.Synthesizer;
import io.avreplay.scenario.view.Chromium;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The exported video is H.264 in MP4 with the index first, and Chromium plays it: the element reaches
 * {@code HAVE_CURRENT_DATA} and a decoded frame drawn to a canvas is not blank.
 */
class OverlayVideoBrowserTest extends ArrowTest {
    private static final String PAGE = "<!DOCTYPE html><html><head><link rel=\"icon\" href=\"data:,\"></head><body>"
            + "<video id=\"v\" src=\"v.mp4\" muted playsinline preload=\"auto\"></video><canvas id=\"c\"></canvas>"
            + "<script>var v = document.getElementById('v'); window.result = null;"
            + "v.addEventListener('error', function () { window.result = {error: v.error ? v.error.code + ' '"
            + " + v.error.message : 'unknown'}; });"
            + "v.addEventListener('loadeddata', function () { var c = document.getElementById('c');"
            + " c.width = v.videoWidth; c.height = v.videoHeight; var g = c.getContext('2d'); g.drawImage(v, 0, 0);"
            + " var p = g.getImageData(0, 0, c.width, c.height).data, lit = 0, distinct = {};"
            + " for (var i = 0; i < p.length; i += 4) { if (p[i] + p[i + 1] + p[i + 2] > 60) { lit++; }"
            + " distinct[(p[i] >> 4) + ',' + (p[i + 1] >> 4) + ',' + (p[i + 2] >> 4)] = 1; }"
            + " window.result = {readyState: v.readyState, width: v.videoWidth, height: v.videoHeight,"
            + " lit: lit / (p.length / 4), colours: Object.keys(distinct).length}; });"
            + "</script></body></html>";

    @Test
    void exportedVideoIsH264FaststartAndPlaysInChromium() throws Exception {
        Path log = tmp.resolve("log");
        Synthesizer.generate(Presets.load("urban-intersection"), 5, 1_000_000_000L,
                SynthOptions.defaults().withRates(10, 5), log, allocator);
        Path mp4 = tmp.resolve("v.mp4");
        OverlayVideo.Written w;
        try (LogReader r = LogReader.open(log, allocator)) {
            long ts = r.lidar(r.lidarIds().get(0)).timestampNs(4);
            RunDetections run = RunDetections.builder().add(r.manifest().logId(), ts,
                    Detection3d.of(Box3d.ego(new Vec3(10, 0, 0), 4, 2, 1.5, 0), "car", 0.7, 0, 0)).build();
            w = OverlayVideo.export(r, r.cameraIds().get(0), Optional.of(run), OptionalDouble.empty(), mp4);
        }
        // 1 s at 5 Hz: frames at 0, 0.2, ..., 1.0 s -> 6 frames, own rate (6 - 1) / 1 s = 5 fps;
        // width = camera 960 + the bird's-eye view scaled to the camera's height
        assertEquals(6, w.frames());
        assertEquals(5.0, w.fps(), 1e-9);
        assertEquals(960 + w.height(), w.width());
        byte[] bytes = Files.readAllBytes(mp4);
        String ascii = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(ascii.contains("avc1"), "H.264 sample entry");
        assertTrue(ascii.indexOf("moov") < ascii.indexOf("mdat"), "faststart: moov before mdat");

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            boolean video = ex.getRequestURI().getPath().equals("/v.mp4");
            byte[] body = video ? bytes : PAGE.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", video ? "video/mp4" : "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        ChromeDriver browser = Chromium.start(tmp.resolve("profile"));
        try {
            browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> browser.executeScript("return window.result;") != null);
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) browser.executeScript("return window.result;");
            assertEquals(null, result.get("error"), "decoder error");
            assertTrue(((Number) result.get("readyState")).intValue() >= 2, "readyState " + result);
            assertEquals((long) w.width(), ((Number) result.get("width")).longValue());
            // a synthetic street scene plus a dark BEV: a good share of lit pixels and many colours
            assertTrue(((Number) result.get("lit")).doubleValue() > 0.2, "lit share " + result);
            assertTrue(((Number) result.get("colours")).intValue() > 50, "distinct colours " + result);
            assertEquals(List.of(), Chromium.consoleErrors(browser));
        } finally {
            browser.quit();
            server.stop(0);
        }
    }
}
