package io.avreplay.replay.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SampleTokenTest {
    private static LogManifest manifest(Map<String, String> tags) {
        return new LogManifest(LogManifest.FORMAT_VERSION, "scene-1", "car", "here", 0, 10, "none", "test",
                List.of(), tags, new TreeMap<>());
    }

    @Test
    void anImportedTokenWinsOverTheLogIdAndTimestamp() {
        LogManifest m = manifest(Map.of(SampleToken.TAG_PREFIX + 5, "abc"));
        assertEquals("abc", SampleToken.of(m, 5).value());
        // no tag for 6 ns: "<log_id>-<timestamp_ns>"
        assertEquals("scene-1-6", SampleToken.of(m, 6).value());
    }

    @Test
    void emptyTokensAreRefused() {
        assertEquals("sample token must not be empty",
                assertThrows(IllegalArgumentException.class, () -> new SampleToken("")).getMessage());
    }
}
