package io.avreplay.replay.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPublisherTest {
    private static final OutputKind FILE = OutputKind.file("export");
    private static final OutputKind LABELS = OutputKind.directory("kitti-labels");

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void publishesAFileAndLeavesNoTemporary() throws IOException {
        Path out = dir.resolve("gt.json");
        OutputPublisher.write(out, FILE, false, t -> Files.writeString(t, "{}"));
        assertEquals("{}", Files.readString(out));
        assertEquals(List.of("gt.json"), names());
    }

    @Test
    void refusesAnExistingOutputWithoutOverwriteAndKeepsIt() throws IOException {
        Path out = dir.resolve("gt.json");
        Files.writeString(out, "precious");
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> OutputPublisher.write(out, FILE, false, t -> Files.writeString(t, "{}")));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("precious", Files.readString(out));
    }

    @Test
    void neverReplacesADirectoryWithAFile() throws IOException {
        Path user = Files.createDirectories(dir.resolve("u/sub"));
        Files.writeString(dir.resolve("u/thesis.txt"), "precious");
        Files.writeString(user.resolve("data.csv"), "precious");
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> OutputPublisher.write(dir.resolve("u"), FILE, true, t -> Files.writeString(t, "{}")));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("u/thesis.txt")));
        assertEquals("precious", Files.readString(user.resolve("data.csv")));
        assertEquals(List.of("u"), names());
    }

    @Test
    void neverReplacesADirectoryThatIsNotAnEarlierOutputOfTheSameKind() throws IOException {
        Path u = Files.createDirectories(dir.resolve("u"));
        Files.writeString(u.resolve("thesis.txt"), "precious");
        assertThrows(InvalidConfigException.class, () -> OutputPublisher.write(u, LABELS, true, t -> { }));
        // a marker of another kind does not count either
        Files.writeString(u.resolve(OutputKind.OWN_MARKER), "render\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> OutputPublisher.write(u, LABELS, true, t -> { }));
        assertTrue(e.getMessage().contains("not an earlier kitti-labels output"), e.getMessage());
        assertEquals("precious", Files.readString(u.resolve("thesis.txt")));
    }

    @Test
    void replacesAnEarlierOutputOfTheSameKindWhole() throws IOException {
        Path out = dir.resolve("labels");
        OutputPublisher.write(out, LABELS, false, t -> Files.writeString(t.resolve("000001.txt"), "first"));
        assertEquals("kitti-labels\n", Files.readString(out.resolve(OutputKind.OWN_MARKER)));
        OutputPublisher.write(out, LABELS, true, t -> Files.writeString(t.resolve("000002.txt"), "second"));
        assertFalse(Files.exists(out.resolve("000001.txt")), "nothing of the first output survives");
        assertEquals("second", Files.readString(out.resolve("000002.txt")));
        assertEquals(List.of("labels"), names());
    }

    @Test
    void refusesTheWorkingDirectoryAndItsParentsEvenWithOverwrite() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p : List.of(Path.of("."), Path.of(""), cwd, cwd.getParent(), cwd.getRoot())) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> OutputPublisher.check(p, LABELS, true), p.toString());
            assertTrue(e.getMessage().contains("working directory"), e.getMessage());
        }
    }

    @Test
    void removesTheTemporaryWhenWritingFails() throws IOException {
        Path out = dir.resolve("tables");
        assertThrows(java.io.UncheckedIOException.class, () -> OutputPublisher.write(out, LABELS, false, t -> {
            Files.writeString(t.resolve("points.feather"), "half");
            throw new IOException("No space left on device");
        }));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), names());
    }

    @Test
    void removesAbandonedTemporariesOfItsOwnNamingOnly() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long deadPid = p.pid();
        long livePid = ProcessHandle.current().pid();
        Path dead = Files.createDirectories(dir.resolve(".log.partial-" + deadPid + "-abc"));
        Files.writeString(dead.resolve("lidar.arrow"), "x");
        Path live = Files.createDirectories(dir.resolve(".log.partial-" + livePid + "-def"));
        Path legacyOld = Files.createDirectories(dir.resolve(".log.partial-123456789"));
        Files.setLastModifiedTime(legacyOld, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path legacyFresh = Files.createDirectories(dir.resolve(".log.partial"));
        Path otherOutput = Files.createDirectories(dir.resolve(".other.partial-" + deadPid + "-abc"));
        Path userFile = Files.writeString(dir.resolve(".log.partial-notes"), "mine");
        OutputPublisher.write(dir.resolve("log"), LABELS, false, t -> { });
        assertFalse(Files.exists(dead), "its process is gone");
        assertFalse(Files.exists(legacyOld), "old naming, two days old");
        assertTrue(Files.exists(live), "its process (this one) is alive");
        assertTrue(Files.exists(legacyFresh), "old naming, but fresh: may belong to a running older version");
        assertTrue(Files.exists(otherOutput), "belongs to another output");
        assertTrue(Files.exists(userFile), "not of our naming");
    }
}
