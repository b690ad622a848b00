package io.avreplay.replay.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.files.OutputKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D8 of the 2026-12 reliability report: a multi-log import appears only when complete, marker last. */
class OutputSetTest {
    @TempDir
    Path dir;

    private static void fakeLog(Path log) throws IOException {
        Files.createDirectories(log);
        Files.writeString(log.resolve("log.json"), "{}");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anInterruptedMultiLogImportLeavesNothingThatLooksComplete() throws IOException {
        Path out = dir.resolve("imp");
        OutputSet set = new OutputSet(out, 2, false);
        Path first = set.destination("kitti-1");
        fakeLog(first);
        set.committed(first);
        // interrupted here: the first log exists only under a hidden temporary name
        assertFalse(Files.exists(out));
        assertTrue(first.toString().contains(".imp.partial-"), first.toString());
        set.discard();
        assertEquals(List.of(), names());
    }

    @Test
    void aCompleteImportIsPublishedWithItsMarker() throws IOException {
        Path out = dir.resolve("imp");
        OutputSet set = new OutputSet(out, 2, false);
        for (String id : List.of("kitti-1", "kitti-2")) {
            Path d = set.destination(id);
            fakeLog(d);
            set.committed(d);
        }
        set.complete();
        assertEquals(List.of(out.resolve("kitti-1"), out.resolve("kitti-2")), set.logs());
        assertEquals("import\n", Files.readString(out.resolve(OutputKind.OWN_MARKER)));
        assertEquals(List.of("imp"), names());
        assertThrows(InvalidConfigException.class, () -> new OutputSet(out, 2, false));
        new OutputSet(out, 2, true).discard();
    }

    @Test
    void overwriteReplacesOnlyAnEarlierImport() throws IOException {
        Path user = Files.createDirectories(dir.resolve("user"));
        Files.writeString(user.resolve("thesis.txt"), "precious");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new OutputSet(user, 2, true));
        assertTrue(e.getMessage().contains("is not an earlier import output"), e.getMessage());
        assertEquals("precious", Files.readString(user.resolve("thesis.txt")));
        assertThrows(InvalidConfigException.class, () -> new OutputSet(user, 1, true), "nor by a single log");
    }
}
