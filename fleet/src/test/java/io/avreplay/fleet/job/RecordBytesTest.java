package io.avreplay.fleet.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordBytesTest {
    enum Kind { A, B }

    record Leaf(String name, double value, Optional<Kind> kind, long[] counts) {
        Leaf {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("name must not be empty");
            }
        }
    }

    record Tree(List<Leaf> leaves, Map<String, Leaf> byName, Optional<Tree> child) {
    }

    @Test
    void aGraphOfPlainRecordsRoundTrips() {
        Leaf a = new Leaf("a", 0.5, Optional.of(Kind.B), new long[] {1, 2});
        Leaf b = new Leaf("b", Double.NaN, Optional.empty(), new long[0]);
        Tree t = new Tree(List.of(a, b), Map.of("a", a), Optional.of(new Tree(List.of(), Map.of(), Optional.empty())));
        Tree back = RecordBytes.read(RecordBytes.write(t), Tree.class);
        assertEquals(2, back.leaves().size());
        assertEquals("a", back.leaves().get(0).name());
        assertEquals(Optional.of(Kind.B), back.leaves().get(0).kind());
        assertArrayEquals(new long[] {1, 2}, back.leaves().get(0).counts());
        assertEquals(Double.doubleToLongBits(Double.NaN), Double.doubleToLongBits(back.leaves().get(1).value()));
        assertEquals(Optional.empty(), back.leaves().get(1).kind());
        assertEquals("a", back.byName().get("a").name());
        assertEquals(Optional.empty(), back.child().orElseThrow().child());
    }

    @Test
    void aNonSerializableNonRecordIsRefused() {
        Object notSerializable = new Object();
        assertThrows(java.io.UncheckedIOException.class, () -> RecordBytes.write(List.of(notSerializable)));
    }
}
