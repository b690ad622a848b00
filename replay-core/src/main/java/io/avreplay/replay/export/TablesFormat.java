package io.avreplay.replay.export;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The file format of {@link LogTablesExport}'s tables. Column names and types are the same in every format
 * (see {@code docs/export-formats.md}); only the encoding differs.
 */
public enum TablesFormat {
    /** Apache Parquet, ZSTD pages: pandas, polars and DuckDB read it with no extension. */
    PARQUET("parquet"),
    /** Uncompressed Feather v2 (Arrow IPC file): {@code pandas.read_feather}, {@code polars.read_ipc}. */
    ARROW("feather"),
    /** RFC 4180 CSV with a header row: timestamps as integer nanoseconds, lists as JSON arrays. */
    CSV("csv");

    private final String extension;

    TablesFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file name extension, without the dot ({@code parquet}, {@code feather}, {@code csv}) */
    public String extension() {
        return extension;
    }

    /** Opens a sink that writes the rows of {@code root}, batch by batch, to a new file. */
    TableSink open(Path file, VectorSchemaRoot root) throws IOException {
        return switch (this) {
            case PARQUET -> new ParquetTableSink(file, root);
            case ARROW -> new ArrowTableSink(file, root);
            case CSV -> new CsvTableSink(file, root);
        };
    }
}
