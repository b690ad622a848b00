package io.avreplay.replay.importer.av2;

import io.avreplay.error.BadInputException;
import io.avreplay.error.SchemaMismatchException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A whole Feather v2 (Arrow IPC file) table read into Java arrays, checked against the columns the
 * caller needs. Compressed batches (LZ4 frame, ZSTD) are decompressed. All Arrow memory is released
 * before {@link #read} returns.
 */
final class FeatherTable {
    /** Column types this reader converts; each names the Arrow types it accepts. */
    enum Type {
        F64("float64"), FLOAT("float16 or float32"), I64("int64"), I32("int32"), U8("uint8"), U16("uint16"), UTF8("utf8");

        final String label;

        Type(String label) {
            this.label = label;
        }

        boolean accepts(FieldVector v) {
            return switch (this) {
                case F64 -> v instanceof Float8Vector;
                case FLOAT -> v instanceof Float2Vector || v instanceof Float4Vector;
                case I64 -> v instanceof BigIntVector;
                case I32 -> v instanceof IntVector;
                case U8 -> v instanceof UInt1Vector;
                case U16 -> v instanceof UInt2Vector;
                case UTF8 -> v instanceof VarCharVector;
            };
        }
    }

    private final Path file;
    private final int rows;
    private final Map<String, Object> columns;

    private FeatherTable(Path file, int rows, Map<String, Object> columns) {
        this.file = file;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * @param wanted column name → expected type; other columns are ignored
     * @throws SchemaMismatchException naming the file and column when a column is missing or of another type
     * @throws BadInputException when the file is not an Arrow IPC file
     */
    static FeatherTable read(Path file, BufferAllocator parent, Map<String, Type> wanted) {
        try (BufferAllocator allocator = parent.newChildAllocator("feather:" + file.getFileName(), 0, Long.MAX_VALUE);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator, io.avreplay.replay.arrow.ArrowCodecs.INSTANCE)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            checkSchema(file, root, wanted);
            Map<String, List<Object>> parts = new LinkedHashMap<>();
            wanted.keySet().forEach(k -> parts.put(k, new ArrayList<>()));
            int rows = 0;
            for (ArrowBlock block : reader.getRecordBlocks()) {
                reader.loadRecordBatch(block);
                int n = root.getRowCount();
                for (Map.Entry<String, Type> e : wanted.entrySet()) {
                    parts.get(e.getKey()).add(copy(file, root.getVector(e.getKey()), e.getValue(), n));
                }
                rows += n;
            }
            Map<String, Object> cols = new LinkedHashMap<>();
            for (Map.Entry<String, Type> e : wanted.entrySet()) {
                cols.put(e.getKey(), concat(parts.get(e.getKey()), e.getValue(), rows));
            }
            return new FeatherTable(file, rows, cols);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(file + ": not a readable Feather/Arrow IPC file: " + e.getMessage(), e);
        }
    }

    private static void checkSchema(Path file, VectorSchemaRoot root, Map<String, Type> wanted) {
        for (Map.Entry<String, Type> e : wanted.entrySet()) {
            FieldVector v = root.getVector(e.getKey());
            if (v == null) {
                throw new SchemaMismatchException(file + ": missing column '" + e.getKey() + "' (expected "
                        + e.getValue().label + "); columns are " + root.getSchema().getFields().stream().map(Field::getName).toList());
            }
            if (!e.getValue().accepts(v)) {
                throw new SchemaMismatchException(file + ": column '" + e.getKey() + "' has type "
                        + v.getField().getType() + ", expected " + e.getValue().label);
            }
        }
    }

    private static Object copy(Path file, FieldVector v, Type type, int n) {
        if (v.getNullCount() > 0) {
            throw new BadInputException(file + ": column '" + v.getName() + "' has " + v.getNullCount()
                    + " null values, expected none");
        }
        switch (type) {
            case F64: {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((Float8Vector) v).get(i);
                }
                return a;
            }
            case FLOAT: {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = v instanceof Float2Vector h ? h.getValueAsFloat(i) : ((Float4Vector) v).get(i);
                }
                return a;
            }
            case I64: {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((BigIntVector) v).get(i);
                }
                return a;
            }
            case I32, U8, U16: {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = v instanceof IntVector iv ? iv.get(i)
                            : v instanceof UInt1Vector u1 ? u1.get(i) & 0xFF : ((UInt2Vector) v).get(i);
                }
                return a;
            }
            default: {
                String[] a = new String[n];
                for (int i = 0; i < n; i++) {
                    a[i] = new String(((VarCharVector) v).get(i), java.nio.charset.StandardCharsets.UTF_8);
                }
                return a;
            }
        }
    }

    private static Object concat(List<Object> parts, Type type, int rows) {
        Object out = switch (type) {
            case F64 -> new double[rows];
            case FLOAT -> new float[rows];
            case I64 -> new long[rows];
            case I32, U8, U16 -> new int[rows];
            case UTF8 -> new String[rows];
        };
        int at = 0;
        for (Object p : parts) {
            int n = java.lang.reflect.Array.getLength(p);
            System.arraycopy(p, 0, out, at, n);
            at += n;
        }
        return out;
    }

    Path file() {
        return file;
    }

    int rows() {
        return rows;
    }

    double[] f64(String name) {
        return (double[]) columns.get(name);
    }

    float[] floats(String name) {
        return (float[]) columns.get(name);
    }

    long[] i64(String name) {
        return (long[]) columns.get(name);
    }

    int[] ints(String name) {
        return (int[]) columns.get(name);
    }

    String[] utf8(String name) {
        return (String[]) columns.get(name);
    }
}
