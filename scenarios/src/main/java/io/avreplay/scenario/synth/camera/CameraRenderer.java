package io.avreplay.scenario.synth.camera;

import io.avreplay.scenario.synth.world.CounterRng;
import io.avreplay.scenario.synth.world.Hit;
import io.avreplay.scenario.synth.world.Material;
import io.avreplay.scenario.synth.world.Pothole;
import io.avreplay.scenario.synth.world.RoadLayout;
import io.avreplay.scenario.synth.world.Scene;
import io.avreplay.scenario.synth.world.SectorIndex;
import io.avreplay.scenario.synth.world.SolidBox;
import java.util.stream.IntStream;

/**
 * Renders a scene by casting one ray per pixel (nearest hit wins, so occlusion is exact) and shading
 * the hit: procedural road texture, Lambert-shaded boxes with facade windows, distance fog, night
 * with headlights, rain noise. Parallel over row bands written into fixed slots: deterministic.
 * Thread-safe.
 */
public final class CameraRenderer {
    private static final int SECTORS = 2048;
    private static final int ROW_BAND = 18;
    private static final long STREAM_CAMERA = 0xCA3E;
    private static final double SUN_X = 0.35;
    private static final double SUN_Y = 0.25;
    private static final double SUN_Z = 0.90;
    private static final double MAX_DISTANCE_M = 400;

    private CameraRenderer() {
    }

    /**
     * @param scene      the world at the exposure time
     * @param view       the placed camera
     * @param lighting   light and weather
     * @param seed       random seed of the log
     * @param frameIndex index of the frame (decorrelates sensor noise between frames)
     */
    public static RenderedFrame render(Scene scene, CameraView view, Lighting lighting, long seed, long frameIndex) {
        CameraSpec spec = view.spec;
        int w = spec.width();
        int h = spec.height();
        byte[] bgr = new byte[3 * w * h];
        int[] ids = new int[w * h];
        SectorIndex index = new SectorIndex(scene.boxes(), view.ox, view.oy, SECTORS);
        int[][] columnCandidates = new int[w][];
        double[] d = new double[3];
        for (int u = 0; u < w; u++) {
            view.ray(u + 0.5, spec.cy(), d);
            columnCandidates[u] = index.candidates(index.sectorOf(Math.atan2(d[1], d[0])));
        }
        int bands = (h + ROW_BAND - 1) / ROW_BAND;
        IntStream.range(0, bands).parallel().forEach(band -> {
            Shader shader = new Shader(scene, view, lighting, seed, frameIndex, index.nearM());
            int end = Math.min(h, (band + 1) * ROW_BAND);
            for (int v = band * ROW_BAND; v < end; v++) {
                for (int u = 0; u < w; u++) {
                    shader.shade(u, v, columnCandidates[u], bgr, ids);
                }
            }
        });
        return new RenderedFrame(w, h, bgr, ids);
    }

    /**
     * Counts the pixels inside {@code [u0, u1) × [v0, v1)} whose rays hit the actor {@code owner}
     * when every other object is ignored: the actor's unoccluded silhouette area, px.
     */
    public static int silhouettePixels(Scene scene, CameraView view, int owner, int u0, int v0, int u1, int v1) {
        double[] d = new double[3];
        int count = 0;
        Pothole hole = null;
        for (Pothole p : scene.road().potholes()) {
            if (p.owner() == owner) {
                hole = p;
            }
        }
        int[] parts = IntStream.range(0, scene.boxes().size()).filter(i -> scene.boxes().get(i).owner() == owner).toArray();
        for (int v = v0; v < v1; v++) {
            for (int u = u0; u < u1; u++) {
                view.ray(u + 0.5, v + 0.5, d);
                if (hole != null) {
                    if (d[2] < 0) {
                        double t = -view.oz / d[2];
                        if (hole.contains(view.ox + t * d[0], view.oy + t * d[1])) {
                            count++;
                        }
                    }
                    continue;
                }
                for (int i : parts) {
                    if (scene.boxes().get(i).intersect(view.ox, view.oy, view.oz, d[0], d[1], d[2]) < Double.POSITIVE_INFINITY) {
                        count++;
                        break;
                    }
                }
            }
        }
        return count;
    }

    /** Per-thread shading state. */
    private static final class Shader {
        private final Scene scene;
        private final CameraView view;
        private final Lighting light;
        private final long seed;
        private final long stream;
        private final Hit hit = new Hit();
        private final double[] nearM;
        private final double[] d = new double[3];
        private final double[] n = new double[3];
        private final double[] rgb = new double[3];

        Shader(Scene scene, CameraView view, Lighting light, long seed, long frame, double[] nearM) {
            this.nearM = nearM;
            this.scene = scene;
            this.view = view;
            this.light = light;
            this.seed = seed;
            this.stream = STREAM_CAMERA ^ (frame << 24);
        }

        void shade(int u, int v, int[] candidates, byte[] bgr, int[] ids) {
            view.ray(u + 0.5, v + 0.5, d);
            double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            scene.cast(view.ox, view.oy, view.oz, d[0], d[1], d[2], MAX_DISTANCE_M / norm, candidates, nearM, hit);
            int pix = v * view.spec.width() + u;
            double dist;
            double hx = 0;
            double hy = 0;
            double hz = 0;
            if (!hit.isHit()) {
                sky(d[2] / norm);
                dist = MAX_DISTANCE_M;
            } else {
                dist = hit.t * norm;
                hx = view.ox + hit.t * d[0];
                hy = view.oy + hit.t * d[1];
                hz = view.oz + hit.t * d[2];
                if (hit.ground) {
                    ids[pix] = ground(hx, hy);
                } else {
                    SolidBox box = scene.boxes().get(hit.box);
                    box(box, hx, hy, hz);
                    ids[pix] = box.owner() + 1;
                }
                fogAndLights(dist);
            }
            finish(pix, bgr);
        }

        private void sky(double up) {
            double k = Math.max(0, Math.min(1, up * 3));
            set(0xc8d7e6, 1 - k, 0x7aa0d2, k);
            double dark = light.daylight();
            scale(dark);
        }

        private int ground(double x, double y) {
            RoadLayout road = scene.road();
            int owner = 0;
            if (!road.onRoad(x, y)) {
                set(0x9a968e, 1, 0, 0);
                double fx = x / 1.5 - Math.floor(x / 1.5);
                double fy = y / 1.5 - Math.floor(y / 1.5);
                if (fx < 0.04 || fy < 0.04) {
                    scale(0.8);
                }
            } else {
                int p = road.potholeAt(x, y);
                if (p >= 0) {
                    Pothole hole = road.potholes().get(p);
                    double r = Math.hypot(x - hole.x(), y - hole.y()) / hole.radiusM();
                    set(0x1e1c1a, 1, 0, 0);
                    scale(0.7 + 0.6 * r);
                    owner = hole.owner() + 1;
                } else {
                    int mark = road.markingAt(x, y);
                    if (mark == 1) {
                        set(0xdcdcdc, 1, 0, 0);
                    } else if (mark == 2) {
                        set(0xd2b03c, 1, 0, 0);
                    } else {
                        long cell = CounterRng.bits(seed, (long) Math.floor(x * 3), (long) Math.floor(y * 3));
                        double g = 0.92 + 0.16 * ((cell >>> 40) & 0xFF) / 255.0;
                        set(0x55585c, g, 0, 0);
                    }
                }
            }
            scale(0.55 + 0.45 * SUN_Z);
            return owner;
        }

        private void box(SolidBox box, double x, double y, double z) {
            box.normalAt(x, y, z, n);
            double lambert = Math.max(0, n[0] * SUN_X + n[1] * SUN_Y + n[2] * SUN_Z);
            set(box.rgb(), 1, 0, 0);
            if (box.material() == Material.WALL && n[2] == 0) {
                double along = box.facadeCoordinate(x, y);
                double fa = along / 3.0 - Math.floor(along / 3.0);
                double fz = z / 3.2 - Math.floor(z / 3.2);
                if (z > 2.5 && fa > 0.25 && fa < 0.75 && fz > 0.3 && fz < 0.75) {
                    long win = CounterRng.bits(seed, (long) Math.floor(along / 3.0), (long) Math.floor(z / 3.2) + box.rgb());
                    boolean lit = light.daylight() < 0.5 && (win & 3) == 0;
                    set(lit ? 0xffd890 : 0x3a4a5a, 1, 0, 0);
                    if (lit) {
                        scale(1.0 / light.daylight());
                        return;
                    }
                }
            } else if (box.material() == Material.GLASS) {
                lambert = 0.5 * lambert + 0.3;
            }
            scale(0.45 + 0.55 * lambert);
        }

        private void fogAndLights(double dist) {
            double dark = light.daylight();
            if (dark < 0.6) {
                // ego headlights light the first ~45 m (everything this camera sees is ahead of it)
                double beam = Math.max(0, 1 - dist / 45);
                scale(dark + (1 - dark) * 0.75 * beam * beam);
            } else {
                scale(dark);
            }
            double fog = 1 - Math.exp(-dist / (450 - 350 * light.rain()));
            double fr = (0xc8 * dark);
            double fg = (0xd0 * dark);
            double fb = (0xd8 * dark);
            rgb[0] += (fr - rgb[0]) * fog;
            rgb[1] += (fg - rgb[1]) * fog;
            rgb[2] += (fb - rgb[2]) * fog;
        }

        private void finish(int pix, byte[] bgr) {
            double contrast = 0.55 + 0.45 * light.daylight();
            double noise = 2 + 10 * light.rain() + 8 * (1 - light.daylight());
            double grain = (CounterRng.uniform(seed, stream, pix) - 0.5) * 2 * noise;
            for (int c = 0; c < 3; c++) {
                double val = 90 * (1 - light.daylight()) * 0.3 + (rgb[c] - 60) * contrast + 60 + grain;
                bgr[3 * pix + 2 - c] = (byte) Math.max(0, Math.min(255, Math.round(val)));
            }
        }

        private void set(int a, double wa, int b, double wb) {
            rgb[0] = ((a >> 16) & 0xFF) * wa + ((b >> 16) & 0xFF) * wb;
            rgb[1] = ((a >> 8) & 0xFF) * wa + ((b >> 8) & 0xFF) * wb;
            rgb[2] = (a & 0xFF) * wa + (b & 0xFF) * wb;
        }

        private void scale(double k) {
            rgb[0] *= k;
            rgb[1] *= k;
            rgb[2] *= k;
        }
    }
}
