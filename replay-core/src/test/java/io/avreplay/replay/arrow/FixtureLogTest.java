package io.avreplay.replay.arrow;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of tests on the small fixture log ({@link TestLogs.Spec#small()}: 10 sweeps at 10 Hz, 19 camera frames
 * at 20 Hz, a car and a pedestrian annotated in every sweep), written to {@link #log} before each test with
 * the test's allocator. A subclass's own {@code @BeforeEach} runs after it is written.
 */
public abstract class FixtureLogTest extends ArrowTest {
    /** The fixture log's directory. */
    protected Path log;

    @BeforeEach
    void writeFixtureLog() {
        log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small());
    }
}
