package io.avreplay.eval.nuscenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D11 of the 2026-12 reliability report: the nuScenes reader refuses trailing content, duplicate keys and
 * files that are not regular files. Kept apart from the other nuScenes tests so it survives a rewrite of
 * the reader.
 */
class NuScenesReaderStrictnessTest {
    private static final String PRED = "{\"results\": {\"s1\": [{\"sample_token\": \"s1\", \"translation\": [1, 2, 0],"
            + " \"size\": [2, 4, 1.5], \"rotation\": [1, 0, 0, 0], \"velocity\": [1, 0], \"detection_name\": \"car\","
            + " \"detection_score\": 0.5, \"attribute_name\": \"\"}]}}";

    @TempDir
    Path dir;

    private String error(String json) throws IOException {
        Path f = Files.writeString(dir.resolve("pred.json"), json);
        String msg = assertThrows(BadInputException.class, () -> NuScenesEvaluator.readPredictions(f)).getMessage();
        assertTrue(msg.startsWith(f.toString()), "names the file first: " + msg);
        assertTrue(!msg.contains("\n") && !msg.contains("com.fasterxml") && !msg.contains("(null)"), msg);
        return msg;
    }

    @Test
    void theControlReads() throws IOException {
        Path f = Files.writeString(dir.resolve("ok.json"), PRED);
        assertEquals(1, NuScenesEvaluator.readPredictions(f).size());
    }

    @Test
    void trailingGarbageIsAnError() throws IOException {
        String msg = error(PRED + " garbage");
        assertTrue(msg.startsWith(dir.resolve("pred.json") + ":1:"), msg);
    }

    @Test
    void aSecondDocumentIsAnError() throws IOException {
        String msg = error(PRED + " {}");
        assertTrue(msg.contains("expected the end of the file after the JSON document, got START_OBJECT"), msg);
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        String top = error(PRED.replace("{\"results\": ", "{\"results\": {}, \"results\": "));
        assertTrue(top.contains("Duplicate field 'results'"), top);
        String field = error(PRED.replace("\"detection_score\": 0.5", "\"detection_score\": 0.5, \"detection_score\": 0.9"));
        assertTrue(field.contains("Duplicate field 'detection_score'"), field);
    }

    @Test
    void aDirectoryOrDeviceIsNotARegularFile() {
        String msg = assertThrows(BadInputException.class, () -> NuScenesEvaluator.readPredictions(Path.of("/dev/zero")))
                .getMessage();
        assertEquals("/dev/zero: not a regular file (a nuScenes file must be a plain JSON file)", msg);
    }
}
