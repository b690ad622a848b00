package io.avreplay.eval.av2;

/**
 * Annotations or detections as columns, in file order. The cuboid is in the ego frame of its sweep:
 * centre (metres), size (length, width, height in metres) and rotation quaternion (w, x, y, z, need not be
 * unit). {@code last} is the detection score, or the annotation's interior point count. Arrays are owned by
 * the table and never modified after reading.
 */
final class Av2Table {
    static final String[] CUBOID = {"tx_m", "ty_m", "tz_m", "length_m", "width_m", "height_m", "qw", "qx", "qy", "qz"};

    final String source;
    final int rows;
    final String[] logId;
    final long[] timestampNs;
    final String[] category;
    /** CUBOID column c of row r at {@code cuboid[r * 10 + c]}. */
    final double[] cuboid;
    final double[] last;

    Av2Table(String source, int rows, String[] logId, long[] timestampNs, String[] category, double[] cuboid,
            double[] last) {
        this.source = source;
        this.rows = rows;
        this.logId = logId;
        this.timestampNs = timestampNs;
        this.category = category;
        this.cuboid = cuboid;
        this.last = last;
    }
}
