package io.avreplay.eval.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reproductions D11/D3/D5 of the 2026-12 reliability report: the COCO reader is strict and names what is wrong. */
class CocoReaderStrictnessTest {
    private static final String GT = "{\"images\":[{\"id\":1},{\"id\":2}],\"categories\":[{\"id\":1,\"name\":\"car\"}],"
            + "\"annotations\":[{\"id\":1,\"image_id\":1,\"category_id\":1,\"bbox\":[0,0,10,10],\"area\":100,\"iscrowd\":0}]}";

    @TempDir
    Path dir;

    private String dtError(String json) throws IOException {
        Path f = Files.writeString(dir.resolve("dt.json"), json);
        return assertThrows(BadInputException.class, () -> CocoEvaluator.readDetections(f)).getMessage();
    }

    private static String det(String fields) {
        return "[{\"image_id\":1,\"category_id\":1,\"bbox\":[0,0,10,10],\"score\":0.9" + fields + "}]";
    }

    @Test
    void aWrongTypedFieldIsReportedAsWrongTypedNotMissing() throws IOException {
        String bbox = dtError("[{\"image_id\":1,\"category_id\":1,\"bbox\":\"1,2,3,4\",\"score\":0.9}]");
        assertTrue(bbox.contains("results[0]: field bbox: expected 4 numbers [x, y, w, h], got a string"), bbox);
        String score = dtError("[{\"image_id\":1,\"category_id\":1,\"bbox\":[0,0,1,1],\"score\":\"high\"}]");
        assertTrue(score.contains("field score: expected a number, got a string"), score);
        String image = dtError("[{\"image_id\":\"1\",\"category_id\":1,\"bbox\":[0,0,1,1],\"score\":1}]");
        assertTrue(image.contains("field image_id: expected a number, got a string"), image);
        assertTrue(image.startsWith(dir.resolve("dt.json") + ":1:"), "file, line and column first: " + image);
    }

    @Test
    void aFractionalOrHugeIdIsRefusedInsteadOfTruncated() throws IOException {
        String frac = dtError("[{\"image_id\":100.5,\"category_id\":1,\"bbox\":[0,0,1,1],\"score\":1}]");
        assertTrue(frac.contains("field image_id: expected an integer id of magnitude <= 2^53, got 100.5"), frac);
        // 2^70 = 1180591620717411303424, which a cast to long would have turned into 2^63 - 1
        String huge = dtError("[{\"image_id\":1180591620717411303424,\"category_id\":1,\"bbox\":[0,0,1,1],\"score\":1}]");
        assertTrue(huge.contains("got 1180591620717411303424"), huge);
        // found by the fuzzer: 1e400 overflows to Infinity, which the message must still print
        String inf = dtError("[{\"image_id\":1e400,\"category_id\":1,\"bbox\":[0,0,1,1],\"score\":1}]");
        assertTrue(inf.contains("field image_id: expected an integer id of magnitude <= 2^53, got Infinity"), inf);
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        String field = dtError(det(",\"score\":0.1"));
        assertTrue(field.contains("results[0]: field score: appears twice in the object"), field);
        Path gt = Files.writeString(dir.resolve("gt.json"), GT.replace("{\"images\":[{\"id\":1},{\"id\":2}],",
                "{\"images\":[{\"id\":1},{\"id\":2}],\"images\":[],"));
        String top = assertThrows(BadInputException.class, () -> CocoEvaluator.readGroundTruth(gt)).getMessage();
        assertTrue(top.contains("top level: key \"images\" appears twice"), top);
    }

    @Test
    void trailingContentIsAnError() throws IOException {
        String msg = dtError(det("") + " garbage");
        assertTrue(msg.contains(dir.resolve("dt.json").toString()), msg);
    }

    @Test
    void nonRegularFilesAndOversizedFilesAreRefusedBeforeReading() throws IOException {
        String devZero = assertThrows(BadInputException.class,
                () -> CocoEvaluator.readDetections(Path.of("/dev/zero"))).getMessage();
        assertEquals("/dev/zero: not a regular file (a COCO file must be a plain JSON file)", devZero);
        String directory = assertThrows(BadInputException.class, () -> CocoEvaluator.readGroundTruth(dir)).getMessage();
        assertTrue(directory.endsWith("not a regular file (a COCO file must be a plain JSON file)"), directory);
        Path f = Files.writeString(dir.resolve("big.json"), "[]");
        String big = assertThrows(BadInputException.class,
                () -> CocoJsonReader.checkReadable(f, CocoJsonReader.MAX_FILE_BYTES + 1)).getMessage();
        assertTrue(big.startsWith(f + ": 1073741825 bytes; COCO files are read whole, so at most 1073741824 bytes"), big);
    }

    @Test
    void resultsForImagesAbsentFromTheGroundTruthAreRefusedNamingTheResultsFile() throws IOException {
        Path gt = Files.writeString(dir.resolve("gt.json"), GT);
        Path dt = Files.writeString(dir.resolve("dt.json"),
                "[{\"image_id\":7,\"category_id\":1,\"bbox\":[0,0,10,10],\"score\":0.9}]");
        String msg = assertThrows(BadInputException.class, () -> new CocoEvaluator().evaluateFiles(gt, dt)).getMessage();
        assertEquals(dt + ": detection 0: image_id 7 is not an image of the ground truth (results do not correspond to "
                + "this dataset)", msg);
    }
}
