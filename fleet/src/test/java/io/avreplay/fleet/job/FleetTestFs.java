package io.avreplay.fleet.job;

import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk as a Hadoop file system of another scheme, {@value #SCHEME}, so that tests take the paths a
 * job takes for HDFS or S3 (logs copied to the executor, outputs copied and committed through
 * {@code FileSystem}) without a cluster. Registered with {@code spark.hadoop.fs.fleettest.impl}.
 */
public class FleetTestFs extends RawLocalFileSystem {
    /** The scheme. */
    static final String SCHEME = "fleettest";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** @return {@code p} (made absolute) as a URI of this file system, e.g. {@code fleettest:/tmp/x} (as Hadoop writes it) */
    static String uri(Path p) {
        return SCHEME + ":" + p.toAbsolutePath().normalize();
    }

    /** @return {@code p} as a URI of this file system */
    static String uri(String p) {
        return uri(Path.of(p));
    }
}
