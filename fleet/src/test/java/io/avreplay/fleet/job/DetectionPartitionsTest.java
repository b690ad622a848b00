package io.avreplay.fleet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Partition directory names (the partitions themselves are read back with Spark in {@code FleetRunTest}). */
class DetectionPartitionsTest {
    @Test
    void partitionValuesAreEscapedAsHiveEscapesThem() {
        // '/' is 0x2F, '=' 0x3D, ':' 0x3A, '%' 0x25; letters, digits, '-' and '_' stay
        assertEquals("drive%2F2026-12-06%3Dday%3A1%25", DetectionPartitions.escape("drive/2026-12-06=day:1%"));
        assertEquals("synth-urban_01", DetectionPartitions.escape("synth-urban_01"));
    }
}
