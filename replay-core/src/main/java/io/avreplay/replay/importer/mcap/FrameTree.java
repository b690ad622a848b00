package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.geometry.Pose;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TF tree as recorded: static edges from {@code /tf_static} and the latest dynamic edge per child
 * frame from {@code /tf}. Each edge maps child-frame points into its parent frame. Not thread-safe.
 */
final class FrameTree {
    private record Edge(String parent, Pose childToParent) {
    }

    private final Map<String, Edge> edges = new HashMap<>();
    private final Map<String, Edge> statics = new HashMap<>();

    void put(String parent, String child, Pose childToParent, boolean isStatic) {
        Edge e = new Edge(parent, childToParent);
        edges.put(child, e);
        if (isStatic) {
            statics.put(child, e);
        }
    }

    boolean knows(String frame) {
        return edges.containsKey(frame) || edges.values().stream().anyMatch(e -> e.parent.equals(frame));
    }

    /** @return the root reached by walking up from {@code frame} */
    String root(String frame) {
        String f = frame;
        for (int guard = 0; guard < 256 && edges.containsKey(f); guard++) {
            f = edges.get(f).parent;
        }
        return f;
    }

    /**
     * @return the pose mapping {@code source}-frame points into {@code target}, when both hang in one tree
     *         (static edges only with {@code staticOnly})
     */
    Optional<Pose> lookup(String target, String source, boolean staticOnly) {
        Map<String, Edge> m = staticOnly ? statics : edges;
        List<String> up = new ArrayList<>();
        List<Pose> toAncestor = new ArrayList<>(); // source -> up[i]
        String f = source;
        Pose acc = Pose.IDENTITY;
        up.add(f);
        toAncestor.add(acc);
        for (int guard = 0; guard < 256 && m.containsKey(f); guard++) {
            Edge e = m.get(f);
            acc = e.childToParent.compose(acc);
            f = e.parent;
            up.add(f);
            toAncestor.add(acc);
        }
        String g = target;
        Pose targetToAncestor = Pose.IDENTITY;
        for (int guard = 0; guard < 256; guard++) {
            int i = up.indexOf(g);
            if (i >= 0) {
                return Optional.of(targetToAncestor.inverse().compose(toAncestor.get(i)));
            }
            Edge e = m.get(g);
            if (e == null) {
                return Optional.empty();
            }
            targetToAncestor = e.childToParent.compose(targetToAncestor);
            g = e.parent;
        }
        return Optional.empty();
    }
}
