package io.avreplay.replay.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CategoryTableTest {
    private final CategoryTable table = CategoryTable.standard();

    /**
     * Every nuScenes v1.0 category with the detection class nuscenes-devkit's
     * {@code category_to_detection_name} (python-sdk/nuscenes/eval/detection/utils.py) gives it, written
     * out by hand; "" where the devkit returns None (not scored).
     */
    private static Map<String, String> devkitMapping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("animal", "");
        m.put("human.pedestrian.adult", "pedestrian");
        m.put("human.pedestrian.child", "pedestrian");
        m.put("human.pedestrian.construction_worker", "pedestrian");
        m.put("human.pedestrian.personal_mobility", "");
        m.put("human.pedestrian.police_officer", "pedestrian");
        m.put("human.pedestrian.stroller", "");
        m.put("human.pedestrian.wheelchair", "");
        m.put("movable_object.barrier", "barrier");
        m.put("movable_object.debris", "");
        m.put("movable_object.pushable_pullable", "");
        m.put("movable_object.trafficcone", "traffic_cone");
        m.put("static_object.bicycle_rack", "");
        m.put("vehicle.bicycle", "bicycle");
        m.put("vehicle.bus.bendy", "bus");
        m.put("vehicle.bus.rigid", "bus");
        m.put("vehicle.car", "car");
        m.put("vehicle.construction", "construction_vehicle");
        m.put("vehicle.emergency.ambulance", "");
        m.put("vehicle.emergency.police", "");
        m.put("vehicle.motorcycle", "motorcycle");
        m.put("vehicle.trailer", "trailer");
        m.put("vehicle.truck", "truck");
        return m;
    }

    @Test
    void everyNuScenesCategoryMapsAsTheDevkitDoes() {
        Map<String, String> expected = devkitMapping();
        // the table lists exactly the 23 nuScenes categories, no more, no fewer
        assertEquals(List.copyOf(expected.keySet()), table.categories(Taxonomy.NUSCENES));
        expected.forEach((category, cls) -> {
            Optional<String> want = cls.isEmpty() ? Optional.empty() : Optional.of(cls);
            assertEquals(want, table.evalClass(Taxonomy.NUSCENES, category), category);
            assertEquals(want, table.evalClass(category), category + " (any taxonomy)");
        });
    }

    @Test
    void emergencyVehiclesAreNotScored() {
        assertEquals(Optional.empty(), table.evalClass("vehicle.emergency.police"));
        assertEquals(Optional.empty(), table.evalClass("vehicle.emergency.ambulance"));
    }

    @Test
    void evaluationClassesAreTheTenNuScenesClassesAndPotholeAndMapToThemselves() {
        List<String> ten = List.of("car", "truck", "bus", "trailer", "construction_vehicle", "pedestrian",
                "motorcycle", "bicycle", "traffic_cone", "barrier");
        assertEquals(ten, table.nuScenesClasses());
        List<String> all = new java.util.ArrayList<>(ten);
        all.add("pothole");
        assertEquals(all, table.evalClasses());
        for (String c : table.evalClasses()) {
            assertEquals(Optional.of(c), table.evalClass(c));
        }
        // potholes are trained (camera models) but not a nuScenes class
        assertEquals(Optional.empty(), table.nuScenesClass("pothole"));
        assertEquals(Optional.of("car"), table.nuScenesClass("vehicle.car"));
        assertEquals(Optional.empty(), table.nuScenesClass("vehicle.emergency.police"));
    }

    @Test
    void kittiAndAv2NamesAsTheImportersStoreThemInLowerCase() {
        assertEquals(Optional.of("car"), table.evalClass("van"));
        assertEquals(Optional.of("pedestrian"), table.evalClass("person_sitting"));
        assertEquals(Optional.of("bicycle"), table.evalClass("cyclist"));
        assertEquals(Optional.empty(), table.evalClass("dontcare"));
        assertEquals(Optional.of("car"), table.evalClass(Taxonomy.AV2, "regular_vehicle"));
        assertEquals(Optional.of("truck"), table.evalClass("TRUCK_CAB"));
        assertEquals(Optional.of("barrier"), table.evalClass("construction_barrel"));
        assertEquals(Optional.empty(), table.evalClass("no_such_category"));
        // a name of another taxonomy is not found in this one
        assertEquals(Optional.empty(), table.evalClass(Taxonomy.KITTI, "vehicle.car"));
    }

    @Test
    void synthesizerClassesAreAllScored() {
        for (String c : table.categories(Taxonomy.SYNTH)) {
            assertTrue(table.evalClass(Taxonomy.SYNTH, c).isPresent(), c);
        }
    }

    @Test
    void parseRejectsConflictsAndUnknownClasses() {
        String head = "taxonomy,category,eval_class\neval,car,car\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CategoryTable.parse(head + "kitti,car,\n"));
        assertTrue(e.getMessage().contains("'car' maps to car in another taxonomy"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CategoryTable.parse(head + "kitti,Van,lorry\n"));
        assertTrue(e.getMessage().contains("eval_class 'lorry' is not one of [car]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CategoryTable.parse(head + "waymo,x,car\n"));
        assertTrue(e.getMessage().contains("unknown taxonomy 'waymo'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CategoryTable.parse(head + "kitti,Van\n"));
        assertTrue(e.getMessage().contains("expected 'taxonomy,category,eval_class'"), e.getMessage());
    }
}
