package io.avreplay.replay.arrow;

import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of tests that read or write logs: a fresh Arrow allocator per test, closed after it (closing
 * fails on any leaked buffer, so every test also checks that readers and writers release their memory),
 * a temporary directory, and the {@link LogOpens} count of every log opened through the allocator. A
 * subclass's own {@code @BeforeEach} runs after the allocator is open.
 */
public abstract class ArrowTest {
    /** Open for the duration of one test. */
    protected BufferAllocator allocator;
    /** The logs opened through {@link #allocator} in this test. */
    protected final LogOpens opens = new LogOpens();
    /** Deleted after each test. */
    @TempDir
    protected Path tmp;

    @BeforeEach
    void openAllocator() {
        allocator = new RootAllocator(opens, Long.MAX_VALUE);
    }

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }
}
