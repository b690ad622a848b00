package io.avreplay.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.fleet.job.FleetPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FleetCli.create(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheJobsAndTheExitCodes() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String s : List.of("run", "gate", "eval", "3 bad input data")) {
            assertTrue(r.out().contains(s), s + " missing from " + r.out());
        }
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("avreplay "), v.out());
    }

    @Test
    void usageErrorsExit2InOneLine() {
        Run r = run("run");
        assertEquals(2, r.code());
        assertEquals("avreplay fleet run: give the logs to run: LOG... or --catalog DIR --logs ROOT", r.err().strip());
        Run both = run("run", tmp.toString(), "--catalog", tmp.toString(), "--logs", tmp.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("avreplay fleet run: --catalog: give either LOG... or --catalog"), both.err());
        Run noRoot = run("run", "--catalog", tmp.toString());
        assertEquals(2, noRoot.code());
        assertEquals("avreplay fleet run: --catalog: needs --logs ROOT, the log root of its scenarios", noRoot.err().strip());
    }

    @Test
    void modelValuesAreCheckedOnTheDriverAsAvreplayRunChecksThem() {
        Run none = run("run", tmp.toString(), "--lidar-model", "none", "--out", tmp.resolve("out").toString());
        assertEquals(2, none.code(), none.err());
        assertEquals("avreplay fleet run: --lidar-model: run needs a lidar model, got 'none'", none.err().strip());
        Path notAModel = tmp.resolve("not-a-model");
        Run bad = run("run", tmp.toString(), "--camera-model", notAModel.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().startsWith("avreplay fleet run: --camera-model: " + notAModel + " is neither"), bad.err());
        assertTrue(!Files.exists(tmp.resolve("out")));
    }

    @Test
    void aJobWhoseEveryLogFailsExits3AndWritesNothing() {
        Path missing = tmp.resolve("nope");
        Run r = run("run", missing.toString(), "--master", "local[1]", "--camera-model", "none", "--out",
                tmp.resolve("out").toString());
        assertEquals(3, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("avreplay fleet run: fleet run: all 1 logs failed; the first: " + missing + ": "),
                r.err());
        assertTrue(!Files.exists(tmp.resolve("out")));
    }

    @Test
    void gateTakesTheCatalogueAndLogRootAsTyped() {
        // a URI of a file system with no implementation here reaches the job as typed (a Path would fold "//")
        Run r = run("gate", "--master", "local[1]", "--catalog", "nofs://host/catalog", "--logs", tmp.toString(),
                "--candidate", "default");
        assertEquals(2, r.code(), r.err());
        assertEquals("avreplay fleet gate: nofs://host/catalog: no Hadoop file system for scheme 'nofs' (put its "
                + "implementation on the class path or set spark.hadoop.fs.nofs.impl)", r.err().strip());
    }

    @Test
    void globsExpandSortedAndAnEmptyGlobIsBadInput() throws IOException {
        Files.createDirectories(tmp.resolve("b-log"));
        Files.createDirectories(tmp.resolve("a-log"));
        Files.createDirectories(tmp.resolve("other"));
        assertEquals(List.of(tmp.resolve("a-log").toString(), tmp.resolve("b-log").toString(), "x"),
                FleetPaths.expand(List.of(tmp + "/*-log", "x"), new Configuration()));
        Run r = run("eval", tmp + "/zz*", "--pred-dir", tmp.toString());
        assertEquals(3, r.code());
        assertEquals("avreplay fleet eval: " + tmp + "/zz*: the glob matches no log", r.err().strip());
    }
}
