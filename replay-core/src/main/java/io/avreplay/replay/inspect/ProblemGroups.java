package io.avreplay.replay.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds repeated findings into one line each: more than {@value #MAX_SINGLE} problems of one check in
 * one file (or place) become a single {@link Problem} saying how many there are and showing the first
 * and the last. Order of first appearance is kept. Stateless.
 */
final class ProblemGroups {
    /** Up to this many findings of one check in one file are listed one by one. */
    static final int MAX_SINGLE = 3;

    private ProblemGroups() {
    }

    static List<Problem> group(List<Problem> problems) {
        Map<String, List<Problem>> byKey = new LinkedHashMap<>();
        for (Problem p : problems) {
            byKey.computeIfAbsent(p.check() + "\u0000" + file(p.location()), k -> new ArrayList<>()).add(p);
        }
        List<Problem> out = new ArrayList<>();
        for (List<Problem> same : byKey.values()) {
            if (same.size() <= MAX_SINGLE) {
                out.addAll(same);
                continue;
            }
            Problem first = same.get(0);
            Problem last = same.get(same.size() - 1);
            out.add(new Problem(first.check(), file(first.location()), same.size() + " times; first: "
                    + first.location() + ": " + first.message() + "; last: " + last.location() + ": " + last.message()));
        }
        return List.copyOf(out);
    }

    /** A location is "file", "file frame i", "file frames i-j", "file sweep i" or "file frame i row j". */
    private static String file(String location) {
        int space = location.indexOf(' ');
        return space < 0 ? location : location.substring(0, space);
    }
}
