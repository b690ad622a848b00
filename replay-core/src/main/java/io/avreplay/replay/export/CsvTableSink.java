package io.avreplay.replay.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/**
 * A table as RFC 4180 CSV (UTF-8, {@code \n} line ends, a header row of column names). Numbers print as
 * Java does ({@code NaN} for unknown floats); timestamps as integer nanoseconds; unsigned bytes as 0–255;
 * a list as a JSON array ({@code "[0.1,-0.2]"}); a null as an empty field. Fields with a comma, quote or
 * line break are quoted, quotes doubled.
 */
final class CsvTableSink implements TableSink {
    private final VectorSchemaRoot root;
    private final BufferedWriter out;

    CsvTableSink(Path file, VectorSchemaRoot root) throws IOException {
        this.root = root;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        List<String> names = root.getSchema().getFields().stream().map(f -> quote(f.getName())).toList();
        out.write(String.join(",", names));
        out.write('\n');
    }

    @Override
    public void writeBatch() throws IOException {
        List<FieldVector> columns = root.getFieldVectors();
        StringBuilder line = new StringBuilder(256);
        for (int row = 0; row < root.getRowCount(); row++) {
            line.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                line.append(cell(columns.get(c), row));
            }
            line.append('\n');
            out.write(line.toString());
        }
    }

    static String cell(FieldVector v, int row) {
        if (v.isNull(row)) {
            return "";
        }
        if (v instanceof TimeStampVector t) {
            return Long.toString(t.get(row));
        }
        if (v instanceof UInt1Vector u) {
            return Integer.toString(Byte.toUnsignedInt(u.get(row)));
        }
        if (v instanceof ListVector list) {
            StringBuilder s = new StringBuilder("[");
            List<?> items = list.getObject(row);
            for (int i = 0; i < items.size(); i++) {
                s.append(i == 0 ? "" : ",").append(items.get(i));
            }
            return quote(s.append(']').toString());
        }
        return quote(String.valueOf(v.getObject(row)));
    }

    static String quote(String s) {
        boolean plain = s.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return plain ? s : '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
