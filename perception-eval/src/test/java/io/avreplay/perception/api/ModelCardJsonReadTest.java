package io.avreplay.perception.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.avreplay.error.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D12 of the 2026-12 reliability report: no Java class name in the message for a missing model card. */
class ModelCardJsonReadTest {
    @TempDir
    Path dir;

    @Test
    void aMissingCardSaysSoInWords() {
        Path card = dir.resolve("nonexistent/card.json");
        String m = assertThrows(BadInputException.class, () -> ModelCardJson.read(card)).getMessage();
        assertEquals(card + ": cannot read model card: no such file", m);
    }
}
