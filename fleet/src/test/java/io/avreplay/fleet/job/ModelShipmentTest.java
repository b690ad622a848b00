package io.avreplay.fleet.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.perception.Detectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelShipmentTest {
    @TempDir
    Path tmp;

    @Test
    void aModelDirectoryTravelsAsBytesAndIsRebuiltOnTheExecutor() throws Exception {
        Path model = Files.createDirectories(tmp.resolve("model/sub"));
        Files.writeString(tmp.resolve("model/card.json"), "{\"name\": \"m\"}");
        Files.write(model.resolve("weights.bin"), new byte[] {1, 2, 3});
        ModelShipment s = ModelShipment.of(tmp.resolve("model").toString(), "none", 1);
        assertEquals(List.of("lidar"), s.shippedRoles());
        ModelShipment copy = roundTrip(s); // as Spark's broadcast serializes it
        Path target = Files.createDirectories(tmp.resolve("executor"));
        copy.materialize("lidar", target);
        assertEquals("{\"name\": \"m\"}", Files.readString(target.resolve("card.json")));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target.resolve("sub/weights.bin")));
        // the cache key is the content: the same files give the same digest, a changed byte another
        assertEquals(s.digests(), ModelShipment.of(tmp.resolve("model").toString(), "none", 1).digests());
        Files.write(model.resolve("weights.bin"), new byte[] {1, 2, 4});
        assertTrue(!s.digests().equals(ModelShipment.of(tmp.resolve("model").toString(), "none", 1).digests()));
    }

    @Test
    void namesAreShippedAsNames() {
        ModelShipment s = ModelShipment.of("default", "none", 2);
        assertEquals(List.of(), s.shippedRoles());
        assertEquals("default", s.lidar());
        assertThrows(IllegalArgumentException.class, () -> ModelShipment.of("default", "none", 0));
    }

    @Test
    void anOnnxModelDirectoryTravelsAsBytesAndRunsOnOnnxRuntimeThere() throws Exception {
        Path dir = tmp.resolve("onnx-model");
        Detectors.exportOnnx("bev-centernet-s", dir); // card.json (backend onnx) and the .onnx file
        ModelShipment s = roundTrip(ModelShipment.of(dir.toString(), "none", 1));
        assertEquals(List.of("lidar"), s.shippedRoles());
        ExecutorModels.Loaded l = ExecutorModels.borrow(s);
        try {
            assertEquals("onnxruntime-cpu", Detectors.backendName(l.lidar()));
        } finally {
            ExecutorModels.release(s, l);
        }
    }

    @Test
    void shippedNamesWithABackendLoadThatBackendOnTheExecutor() throws Exception {
        for (String[] c : new String[][] {{"bev-centernet-s@folded", "folded"}, {"bev-centernet-s@onnx", "onnxruntime-cpu"},
                {"default", "onnxruntime-cpu"}}) {
            ModelShipment s = roundTrip(ModelShipment.of(c[0], "none", 1));
            assertEquals(List.of(), s.shippedRoles(), c[0] + " travels as its name");
            ExecutorModels.Loaded l = ExecutorModels.borrow(s);
            try {
                assertEquals(c[1], Detectors.backendName(l.lidar()), c[0]);
                assertEquals("bev-centernet-s", l.lidar().card().name(), c[0]);
                assertTrue(l.camera().isEmpty());
            } finally {
                ExecutorModels.release(s, l);
            }
        }
    }

    static ModelShipment roundTrip(ModelShipment s) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(s);
        }
        try (ObjectInputStream i = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
            return (ModelShipment) i.readObject();
        }
    }
}
