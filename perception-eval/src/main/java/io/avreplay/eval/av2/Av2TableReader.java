package io.avreplay.eval.av2;

import io.avreplay.error.BadInputException;
import io.avreplay.error.SchemaMismatchException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Reads av2 annotation or detection tables: Feather v2 (Arrow IPC file, optionally LZ4/ZSTD compressed;
 * float32 or float64 cuboid columns, any integer type for counts) as av2 itself stores them, or CSV with a
 * header. Columns: {@code log_id} (a Feather file without it takes its parent directory's name, as av2's
 * per-log {@code annotations.feather}), {@code timestamp_ns}, {@code category}, the cuboid columns (or
 * {@code yaw} in radians instead of the quaternion), and {@code score} or {@code num_interior_pts}. Other
 * columns are ignored. Errors name the file, row and column. Stateless.
 */
final class Av2TableReader {
    private Av2TableReader() {
    }

    /**
     * @param lastColumn {@code score} or {@code num_interior_pts}
     * @param allocator  parent of the reader's child allocator (Feather only), closed before returning
     */
    static Av2Table read(Path file, String lastColumn, BufferAllocator allocator) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv")) {
            return readCsv(file, lastColumn);
        }
        return readFeather(file, lastColumn, allocator);
    }

    private static Av2Table readCsv(Path file, String lastColumn) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new BadInputException(file + ": empty file, expected a CSV header");
            }
            List<String> cols = Arrays.asList(header.split(",", -1));
            int log = need(file, cols, "log_id");
            int ts = need(file, cols, "timestamp_ns");
            int cat = need(file, cols, "category");
            int lastIdx = need(file, cols, lastColumn);
            int yaw = cols.indexOf("yaw");
            boolean hasQuat = cols.containsAll(List.of("qw", "qx", "qy", "qz"));
            int[] cub = new int[10];
            for (int c = 0; c < 10; c++) {
                cub[c] = c >= 6 && !hasQuat && yaw >= 0 ? -1 : need(file, cols, Av2Table.CUBOID[c]);
            }
            Columns out = new Columns();
            String line;
            int row = 0;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != cols.size()) {
                    throw new BadInputException(file + ": row " + (row + 1) + ": expected " + cols.size()
                            + " fields, got " + f.length);
                }
                double[] c = new double[10];
                for (int k = 0; k < 10; k++) {
                    c[k] = cub[k] < 0 ? Double.NaN : number(file, row, Av2Table.CUBOID[k], f[cub[k]]);
                }
                if (cub[6] < 0) {
                    yawToQuaternion(number(file, row, "yaw", f[yaw]), c);
                }
                long t;
                try {
                    t = Long.parseLong(f[ts]);
                } catch (NumberFormatException e) {
                    throw new BadInputException(file + ": row " + (row + 1) + ": timestamp_ns must be an integer, got '"
                            + f[ts] + "'", e);
                }
                out.add(f[log], t, f[cat], c, number(file, row, lastColumn, f[lastIdx]));
                row++;
            }
            return out.table(file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Av2Table readFeather(Path file, String lastColumn, BufferAllocator parent) {
        try (BufferAllocator allocator = parent.newChildAllocator("av2:" + file.getFileName(), 0, Long.MAX_VALUE);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator, io.avreplay.replay.arrow.ArrowCodecs.INSTANCE)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            boolean hasLog = root.getVector("log_id") != null;
            String parentName = file.toAbsolutePath().getParent() == null ? ""
                    : file.toAbsolutePath().getParent().getFileName().toString();
            Columns out = new Columns();
            int row = 0;
            for (ArrowBlock block : reader.getRecordBlocks()) {
                reader.loadRecordBatch(block);
                int n = root.getRowCount();
                FieldVector[] cub = new FieldVector[10];
                for (int c = 0; c < 10; c++) {
                    cub[c] = vector(file, root, Av2Table.CUBOID[c]);
                }
                FieldVector ts = vector(file, root, "timestamp_ns");
                FieldVector cat = vector(file, root, "category");
                FieldVector last = vector(file, root, lastColumn);
                FieldVector log = hasLog ? vector(file, root, "log_id") : null;
                for (int i = 0; i < n; i++, row++) {
                    double[] c = new double[10];
                    for (int k = 0; k < 10; k++) {
                        c[k] = real(file, cub[k], i, row);
                    }
                    out.add(log == null ? parentName : text(file, log, i, row), integer(file, ts, i, row),
                            text(file, cat, i, row), c, real(file, last, i, row));
                }
            }
            return out.table(file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(file + ": not a readable Feather/Arrow IPC file: " + e.getMessage(), e);
        }
    }

    private static FieldVector vector(Path file, VectorSchemaRoot root, String name) {
        FieldVector v = root.getVector(name);
        if (v == null) {
            throw new SchemaMismatchException(file + ": missing column '" + name + "'; columns are "
                    + root.getSchema().getFields().stream().map(f -> f.getName()).toList());
        }
        return v;
    }

    private static double real(Path file, FieldVector v, int i, int row) {
        if (v.isNull(i)) {
            throw new BadInputException(file + ": row " + row + ": column '" + v.getName() + "' is null");
        }
        if (v instanceof FloatingPointVector f) {
            return f.getValueAsDouble(i);
        }
        if (v instanceof BaseIntVector b) {
            return b.getValueAsLong(i);
        }
        throw new SchemaMismatchException(file + ": column '" + v.getName() + "' has type " + v.getField().getType()
                + ", expected a number");
    }

    private static long integer(Path file, FieldVector v, int i, int row) {
        if (v instanceof BaseIntVector b && !v.isNull(i)) {
            return b.getValueAsLong(i);
        }
        throw new SchemaMismatchException(file + ": row " + row + ": column '" + v.getName()
                + "' must be a non-null integer, has type " + v.getField().getType());
    }

    private static String text(Path file, FieldVector v, int i, int row) {
        if (v instanceof VarCharVector s && !v.isNull(i)) {
            return new String(s.get(i), StandardCharsets.UTF_8);
        }
        throw new SchemaMismatchException(file + ": row " + row + ": column '" + v.getName()
                + "' must be a non-null utf8 string, has type " + v.getField().getType());
    }

    static void yawToQuaternion(double yaw, double[] c) {
        c[6] = Math.cos(yaw / 2);
        c[7] = 0;
        c[8] = 0;
        c[9] = Math.sin(yaw / 2);
    }

    private static int need(Path file, List<String> cols, String name) {
        int i = cols.indexOf(name);
        if (i < 0) {
            throw new SchemaMismatchException(file + ": missing column '" + name + "'; header is " + cols);
        }
        return i;
    }

    private static double number(Path file, int row, String col, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": row " + (row + 1) + ": column " + col + ": expected a number, got '"
                    + s + "'", e);
        }
    }

    /** Growable columns; strings interned per table so equal ids share one instance. */
    private static final class Columns {
        private final Map<String, String> strings = new HashMap<>();
        private final List<String> log = new ArrayList<>();
        private long[] ts = new long[1024];
        private final List<String> cat = new ArrayList<>();
        private double[] cuboid = new double[10240];
        private double[] last = new double[1024];
        private int n;

        void add(String logId, long timestampNs, String category, double[] c, double lastValue) {
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, n * 2);
                last = Arrays.copyOf(last, n * 2);
                cuboid = Arrays.copyOf(cuboid, n * 20);
            }
            log.add(strings.computeIfAbsent(logId, k -> k));
            cat.add(strings.computeIfAbsent(category, k -> k));
            ts[n] = timestampNs;
            System.arraycopy(c, 0, cuboid, n * 10, 10);
            last[n] = lastValue;
            n++;
        }

        Av2Table table(String source) {
            return new Av2Table(source, n, log.toArray(new String[0]), Arrays.copyOf(ts, n), cat.toArray(new String[0]),
                    Arrays.copyOf(cuboid, n * 10), Arrays.copyOf(last, n));
        }
    }
}
