package io.avreplay.cli;

import org.apache.arrow.memory.RootAllocator;

/** Creates the program's single Arrow root allocator (one per command invocation). */
final class Allocators {
    private Allocators() {
    }

    static RootAllocator root() {
        return new RootAllocator();
    }
}
