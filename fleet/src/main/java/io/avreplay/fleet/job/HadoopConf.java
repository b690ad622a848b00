package io.avreplay.fleet.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration (Spark's {@code hadoopConfiguration()}: {@code core-site.xml} plus every
 * {@code spark.hadoop.*} setting, e.g. {@code fs.s3a.*} or a {@code fs.<scheme>.impl}) as bytes that travel
 * to the executors with a task, so executors open the same file systems the driver does. Immutable.
 */
final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;

    private HadoopConf(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @return {@code conf} packed; later changes to {@code conf} are not seen */
    static HadoopConf of(Configuration conf) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            conf.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the Hadoop configuration: " + e.getMessage(), e);
        }
        return new HadoopConf(b.toByteArray());
    }

    /** @return a new configuration with the packed entries (and no default resources loaded on top) */
    Configuration get() {
        Configuration c = new Configuration(false);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            c.readFields(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Hadoop configuration: " + e.getMessage(), e);
        }
        return c;
    }
}
