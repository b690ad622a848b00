package io.avreplay.replay.importer;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a headerless point file of little-endian float32 records (KITTI {@code velodyne/*.bin}: x, y,
 * z, reflectance; nuScenes {@code *.pcd.bin}: x, y, z, intensity, ring).
 */
public final class PointRecordFile {
    private PointRecordFile() {
    }

    /**
     * @param file       the point file
     * @param fieldNames the float32 fields of one record, in order (for the error message and the size)
     * @return one array per field, each holding every point
     * @throws BadInputException when the size is not a multiple of the record size or it cannot be read
     */
    public static float[][] read(Path file, String... fieldNames) {
        int fields = fieldNames.length;
        int recordBytes = 4 * fields;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length % recordBytes != 0) {
            throw new BadInputException(file + ": size " + bytes.length + " bytes is not a multiple of the "
                    + recordBytes + "-byte point record (" + String.join(", ", fieldNames) + " as float32)");
        }
        int n = bytes.length / recordBytes;
        FloatBuffer fb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[][] out = new float[fields][n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < fields; f++) {
                out[f][i] = fb.get(i * fields + f);
            }
        }
        return out;
    }

    /** Reads a whole file, mapping I/O failure to {@link BadInputException} naming it. */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
