package io.avreplay.scenario.synth;

import io.avreplay.scenario.synth.world.Material;
import io.avreplay.scenario.synth.world.SolidBox;
import java.util.ArrayList;
import java.util.List;

/**
 * The size and look of one actor and the solid parts it is made of (all inside its ground-truth box,
 * several touching its faces so that the box is tight).
 *
 * @param category nuScenes-style category
 * @param lengthM, widthM, heightM ground-truth box size, metres
 * @param rgb      main colour 0xRRGGBB
 * @param rider    whether a cycle carries a rider
 */
record ActorBody(String category, double lengthM, double widthM, double heightM, int rgb, boolean rider) {
    private static final int TYRE = 0x1c1c1c;
    private static final int GLASS = 0x2a3440;
    private static final int SKIN = 0xc89a7a;

    /** The solid parts at a pose, world frame, tagged with {@code owner}. */
    List<SolidBox> parts(double x, double y, double yaw, int owner) {
        List<SolidBox> out = new ArrayList<>(4);
        double l = lengthM;
        double w = widthM;
        double h = heightM;
        switch (category) {
            case "car" -> {
                add(out, x, y, yaw, owner, l / 2 - 0.85, 0, 0, 0.62, 0.7, w, Material.TYRE, TYRE);
                add(out, x, y, yaw, owner, -l / 2 + 0.85, 0, 0, 0.62, 0.7, w, Material.TYRE, TYRE);
                add(out, x, y, yaw, owner, 0, 0, 0.3, 0.62 * h, l, w, Material.BODY, rgb);
                add(out, x, y, yaw, owner, -0.06 * l, 0, 0.62 * h, h, 0.55 * l, 0.9 * w, Material.GLASS, GLASS);
            }
            case "truck" -> {
                add(out, x, y, yaw, owner, l / 2 - 1.1, 0, 0.35, 0.85 * h, 2.2, w, Material.BODY, rgb);
                add(out, x, y, yaw, owner, -1.2, 0, 0.5, h, l - 2.4, w, Material.BODY, 0xd8d8d0);
                add(out, x, y, yaw, owner, 0, 0, 0, 0.9, l - 0.6, 0.9 * w, Material.TYRE, TYRE);
            }
            case "bus" -> {
                add(out, x, y, yaw, owner, 0, 0, 0.3, h, l, w, Material.BODY, rgb);
                add(out, x, y, yaw, owner, 0, 0, 0, 0.6, l - 2.0, 0.95 * w, Material.TYRE, TYRE);
            }
            case "motorcycle", "bicycle" -> {
                double frameTop = rider ? Math.min(1.0, 0.6 * h) : h;
                add(out, x, y, yaw, owner, 0, 0, 0, frameTop, l, Math.min(w, 0.25), Material.CYCLE, rgb);
                if (rider) {
                    add(out, x, y, yaw, owner, -0.1 * l, 0, frameTop, h - 0.25, 0.5, w, Material.PERSON, 0x3a4a6a);
                    add(out, x, y, yaw, owner, -0.1 * l, 0, h - 0.25, h, 0.24, 0.24, Material.PERSON, SKIN);
                }
            }
            case "pedestrian" -> {
                add(out, x, y, yaw, owner, 0, 0, 0, 0.47 * h, 0.7 * l, 0.6 * w, Material.PERSON, 0x2b2b3b);
                add(out, x, y, yaw, owner, 0, 0, 0.47 * h, 0.86 * h, l, w, Material.PERSON, rgb);
                add(out, x, y, yaw, owner, 0, 0, 0.86 * h, h, 0.35 * l, 0.35 * w, Material.PERSON, SKIN);
            }
            case "traffic_cone" -> {
                add(out, x, y, yaw, owner, 0, 0, 0, 0.05, l, w, Material.CONE, rgb);
                add(out, x, y, yaw, owner, 0, 0, 0.05, h, 0.5 * l, 0.5 * w, Material.CONE, rgb);
            }
            default -> add(out, x, y, yaw, owner, 0, 0, 0, h, l, w, Material.BARRIER, rgb);
        }
        return out;
    }

    private static void add(List<SolidBox> out, double x, double y, double yaw, int owner, double offX, double offY,
            double z0, double z1, double len, double wid, Material m, int rgb) {
        double c = Math.cos(yaw);
        double s = Math.sin(yaw);
        out.add(new SolidBox(x + c * offX - s * offY, y + s * offX + c * offY, z0, z1, len, wid, yaw, owner, m, rgb));
    }

    /** Standard body of a category; {@code u} in [0,1) varies the size a little. */
    static ActorBody of(String category, double u, int rgb) {
        return switch (category) {
            case "car" -> new ActorBody(category, 4.3 + 0.5 * u, 1.8 + 0.1 * u, 1.45 + 0.2 * u, rgb, false);
            case "truck" -> new ActorBody(category, 7.0 + 2 * u, 2.5, 3.1 + 0.4 * u, rgb, false);
            case "bus" -> new ActorBody(category, 11.5 + u, 2.55, 3.2, rgb, false);
            case "motorcycle" -> new ActorBody(category, 2.1, 0.8, 1.55, rgb, true);
            case "bicycle" -> new ActorBody(category, 1.75, 0.6, 1.75, rgb, true);
            case "traffic_cone" -> new ActorBody(category, 0.4, 0.4, 0.75, 0xff6a00, false);
            case "barrier" -> new ActorBody(category, 2.0, 0.45, 1.0, 0xe8e8e8, false);
            default -> throw new IllegalArgumentException("no body for category '" + category + "'");
        };
    }

    /** A pedestrian of an age group: {@code child}, {@code adult} or {@code elderly}. */
    static ActorBody pedestrian(String ageGroup, double u, int rgb) {
        return switch (ageGroup) {
            case "child" -> new ActorBody("pedestrian", 0.4, 0.45, 1.1 + 0.2 * u, rgb, false);
            case "elderly" -> new ActorBody("pedestrian", 0.6, 0.62, 1.55 + 0.1 * u, rgb, false);
            default -> new ActorBody("pedestrian", 0.55, 0.62, 1.65 + 0.2 * u, rgb, false);
        };
    }

    /** A parked bicycle without rider. */
    ActorBody withoutRider() {
        return new ActorBody(category, lengthM, Math.min(widthM, 0.5), 1.05, rgb, false);
    }
}
