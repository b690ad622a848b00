package io.avreplay.scenario.synth.lidar;

import io.avreplay.replay.log.LidarSweep;
import io.avreplay.scenario.synth.world.CounterRng;
import io.avreplay.scenario.synth.world.Hit;
import io.avreplay.scenario.synth.world.Material;
import io.avreplay.scenario.synth.world.Scene;
import io.avreplay.scenario.synth.world.SectorIndex;
import io.avreplay.scenario.synth.world.SolidBox;
import java.util.stream.IntStream;

/**
 * Casts one lidar revolution against a scene frozen at the sweep's reference time. Points are in the
 * sensor frame (x forward, y left, z up; the sensor is level and yawed with the ego) and ordered by
 * azimuth (starting behind the sensor, counter-clockwise), then beam. {@code offset_ns} is the firing
 * time a real spinning sensor would have, {@code azimuthIndex · period / azimuthSteps}; the scene
 * itself is not advanced during the sweep, so points and ground truth agree exactly. Thread-safe;
 * uses the common fork-join pool.
 */
public final class LidarCaster {
    private static final int AZIMUTH_BLOCK = 60;
    private static final int SECTORS = 720;
    private static final long STREAM_LIDAR = 0x11DA;

    private LidarCaster() {
    }

    /**
     * @param scene       the world at the sweep time
     * @param spec        the sensor
     * @param noise       degradation
     * @param sx, sy, sz  sensor origin, world frame, metres
     * @param yawRad      sensor heading, world frame, radians
     * @param timestampNs sweep reference time, ns
     * @param seed        random seed of the log
     * @param sweepIndex  index of the sweep in its log (decorrelates noise between sweeps)
     * @return the sweep; {@code ring} is the beam index (0 = lowest)
     */
    public static LidarSweep cast(Scene scene, LidarSpec spec, LidarNoise noise, double sx, double sy, double sz,
            double yawRad, long timestampNs, long seed, long sweepIndex) {
        SectorIndex index = new SectorIndex(scene.boxes(), sx, sy, SECTORS);
        int blocks = (spec.azimuthSteps() + AZIMUTH_BLOCK - 1) / AZIMUTH_BLOCK;
        float[][] out = new float[blocks][];
        int[] counts = new int[blocks];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            float[] buf = new float[AZIMUTH_BLOCK * spec.beams() * 6];
            counts[b] = castBlock(scene, spec, noise, index, sx, sy, sz, yawRad, seed, sweepIndex, b, buf);
            out[b] = buf;
        });
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        float[] x = new float[n];
        float[] y = new float[n];
        float[] z = new float[n];
        float[] in = new float[n];
        byte[] ring = new byte[n];
        int[] off = new int[n];
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            float[] buf = out[b];
            for (int i = 0; i < counts[b]; i++, k++) {
                x[k] = buf[6 * i];
                y[k] = buf[6 * i + 1];
                z[k] = buf[6 * i + 2];
                in[k] = buf[6 * i + 3];
                ring[k] = (byte) (int) buf[6 * i + 4];
                int az = (int) buf[6 * i + 5];
                off[k] = (int) (az * spec.periodNs() / spec.azimuthSteps());
            }
        }
        return new LidarSweep(spec.sensorId(), timestampNs, x, y, z, in, ring, off);
    }

    private static int castBlock(Scene scene, LidarSpec spec, LidarNoise noise, SectorIndex index, double sx,
            double sy, double sz, double yaw, long seed, long sweep, int block, float[] buf) {
        Hit hit = new Hit();
        double[] normal = new double[3];
        int n = 0;
        int beams = spec.beams();
        double[] cosEl = new double[beams];
        double[] sinEl = new double[beams];
        for (int b = 0; b < beams; b++) {
            cosEl[b] = Math.cos(spec.elevationRad(b));
            sinEl[b] = Math.sin(spec.elevationRad(b));
        }
        long stream = STREAM_LIDAR ^ (sweep << 20);
        int end = Math.min(spec.azimuthSteps(), (block + 1) * AZIMUTH_BLOCK);
        for (int a = block * AZIMUTH_BLOCK; a < end; a++) {
            double az = -Math.PI + 2 * Math.PI * a / spec.azimuthSteps();
            double ca = Math.cos(az);
            double sa = Math.sin(az);
            double cw = Math.cos(az + yaw);
            double sw = Math.sin(az + yaw);
            int[] candidates = index.candidates(index.sectorOf(az + yaw));
            for (int b = 0; b < beams; b++) {
                long ray = (long) a * beams + b;
                double dx = cosEl[b] * cw;
                double dy = cosEl[b] * sw;
                double dz = sinEl[b];
                double range;
                float intensity;
                if (noise.spurious() > 0 && CounterRng.uniform(seed, stream, 3 * ray) < noise.spurious()) {
                    range = 1.0 + 14.0 * CounterRng.uniform(seed, stream, 3 * ray + 1);
                    intensity = (float) (0.02 + 0.06 * CounterRng.uniform(seed, stream, 3 * ray + 2));
                } else {
                    scene.cast(sx, sy, sz, dx, dy, dz, spec.maxRangeM(), candidates, index.nearM(), hit);
                    if (!hit.isHit()) {
                        continue;
                    }
                    double hx = sx + hit.t * dx;
                    double hy = sy + hit.t * dy;
                    double hz = sz + hit.t * dz;
                    Material m;
                    double cosInc;
                    if (hit.ground) {
                        m = scene.road().materialAt(hx, hy);
                        cosInc = Math.abs(dz);
                    } else {
                        SolidBox box = scene.boxes().get(hit.box);
                        m = box.material();
                        box.normalAt(hx, hy, hz, normal);
                        cosInc = Math.abs(normal[0] * dx + normal[1] * dy + normal[2] * dz);
                    }
                    double drop = noise.dropout() + (m == Material.POTHOLE ? 0.35 : 0);
                    if (drop > 0 && CounterRng.uniform(seed, stream ^ 0x5A5A, ray) < drop) {
                        continue;
                    }
                    range = hit.t;
                    if (noise.rangeNoiseM() > 0) {
                        range += noise.rangeNoiseM() * CounterRng.gaussian(seed, stream ^ 0xA5A5, ray);
                    }
                    double r = m.reflectivity() * (0.55 + 0.45 * cosInc);
                    intensity = (float) Math.max(0, Math.min(1, r));
                }
                int o = 6 * n++;
                buf[o] = (float) (range * cosEl[b] * ca);
                buf[o + 1] = (float) (range * cosEl[b] * sa);
                buf[o + 2] = (float) (range * dz);
                buf[o + 3] = intensity;
                buf[o + 4] = b;
                buf[o + 5] = a;
            }
        }
        return n;
    }
}
