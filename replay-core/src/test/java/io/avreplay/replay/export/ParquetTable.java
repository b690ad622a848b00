package io.avreplay.replay.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet file read back whole with parquet-java's own reader (example {@link Group} rows), for the export
 * tests.
 *
 * @param schema          the file's schema
 * @param rowGroupCodecs  the codec of each row group's first column, in order (none for an empty file)
 * @param rows            every row, in order
 */
record ParquetTable(MessageType schema, List<CompressionCodecName> rowGroupCodecs, List<Group> rows) {
    static ParquetTable read(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ZstdPageCodecs()).build())) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            List<CompressionCodecName> codecs = new ArrayList<>();
            for (BlockMetaData block : r.getFooter().getBlocks()) {
                codecs.add(block.getColumns().get(0).getCodec());
            }
            List<Group> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(rr.read());
                }
            }
            return new ParquetTable(schema, List.copyOf(codecs), rows);
        }
    }

    /** @return the first row group's codec (the file must have one) */
    CompressionCodecName codec() {
        return rowGroupCodecs.get(0);
    }
}
