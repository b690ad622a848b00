package io.avreplay.scenario.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheBoxesOfALogSizeAsWidthLengthHeight() throws IOException {
        Files.writeString(tmp.resolve("log-1.json"), """
                {"results": {"1700000000100000000": [{"translation": [10, 2, 0.8], "size": [1.9, 4.5, 1.6],
                  "rotation": [1, 0, 0, 0], "detection_name": "car", "detection_score": 0.9}]}}
                """);
        var boxes = new ResultsDirectory(tmp).forLog("log-1", tmp).get(1_700_000_000_100_000_000L);
        assertEquals(1, boxes.size());
        // nuScenes size order is [width, length, height]: length 4.5, width 1.9
        assertEquals(4.5, boxes.get(0).box().length());
        assertEquals(1.9, boxes.get(0).box().width());
        assertEquals(0.9, boxes.get(0).score());
    }

    @Test
    void refusesLogIdsThatAreNotOnePlainFileName() throws IOException {
        Files.createDirectories(tmp.resolve("sub"));
        Files.writeString(tmp.resolve("sub").resolve("x.json"), "{\"results\": {}}");
        ResultsDirectory d = new ResultsDirectory(tmp);
        for (String id : new String[] {"sub/x", "..", ".", "", "a\\b", "log\u0000x", "log\nx"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> d.forLog(id, tmp), id);
            assertEquals(true, e.getMessage().contains("cannot name a results file"), e.getMessage());
        }
    }

    @Test
    void parsesThroughTheStrictNuScenesReader() throws IOException {
        Path f = tmp.resolve("log-2.json");
        ResultsDirectory d = new ResultsDirectory(tmp);
        String box = "{\"translation\": [1, 2, 0], \"size\": [1.9, 4.5, 1.6], \"rotation\": [1, 0, 0, 0],"
                + " \"detection_name\": \"car\", \"detection_score\": 0.9}";
        Files.writeString(f, "{\"results\": {\"1\": [" + box + "],\n \"1\": []}}");
        String dup = assertThrows(BadInputException.class, () -> d.forLog("log-2", tmp)).getMessage();
        assertEquals(true, dup.startsWith(f + ":2:") && dup.contains("Duplicate field '1'"), dup);
        Files.writeString(f, "{\"results\": {\"1\": [" + box + "]}} []");
        String trailing = assertThrows(BadInputException.class, () -> d.forLog("log-2", tmp)).getMessage();
        assertEquals(f + ":1:" + (trailing.split(":")[2]) + ": expected the end of the file after the JSON document,"
                + " got START_ARRAY", trailing);
        Files.writeString(f, "{\"results\": {\"1\": [\n" + box.replace("0.9", "\"0.9\"") + "]}}");
        String type = assertThrows(BadInputException.class, () -> d.forLog("log-2", tmp)).getMessage();
        assertEquals(true, type.startsWith(f + ":2:")
                && type.endsWith("prediction box 0 (sample_token 1): field detection_score: expected a number, got 0.9"),
                type);
        Files.writeString(f, "{\"results\": {\"t1\": []}}");
        assertEquals(f + ": field 'results': key 't1' is not a timestamp in ns, expected a decimal integer",
                assertThrows(BadInputException.class, () -> d.forLog("log-2", tmp)).getMessage());
    }
}
