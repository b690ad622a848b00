package io.avreplay.scenario.synth.world;

import java.util.Arrays;
import java.util.List;

/**
 * Culls boxes per azimuth sector as seen from one origin, so that a ray only tests the boxes whose
 * bounding circle spans its azimuth. Immutable once built; safe to share between threads.
 */
public final class SectorIndex {
    private final int sectors;
    private final int[][] members;
    private final double[] nearM;

    /**
     * @param boxes   the boxes to index
     * @param ox, oy  the origin rays start from, world frame, metres
     * @param sectors number of equal sectors over the full circle
     */
    public SectorIndex(List<SolidBox> boxes, double ox, double oy, int sectors) {
        this.sectors = sectors;
        int[] counts = new int[sectors];
        int[][] ranges = new int[boxes.size()][];
        nearM = new double[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            SolidBox b = boxes.get(i);
            nearM[i] = Math.max(0, Math.hypot(b.cx - ox, b.cy - oy) - b.radius);
            double[] iv = b.azimuthInterval(ox, oy);
            int a = sectorOf(iv[0]);
            int span = iv[1] - iv[0] >= 2 * Math.PI - 1e-9 ? sectors
                    : Math.floorMod(sectorOf(iv[1]) - a, sectors) + 1;
            ranges[i] = new int[] {a, span};
            for (int k = 0; k < span; k++) {
                counts[(a + k) % sectors]++;
            }
        }
        members = new int[sectors][];
        for (int s = 0; s < sectors; s++) {
            members[s] = new int[counts[s]];
        }
        Arrays.fill(counts, 0);
        for (int i = 0; i < ranges.length; i++) {
            for (int k = 0; k < ranges[i][1]; k++) {
                int s = (ranges[i][0] + k) % sectors;
                members[s][counts[s]++] = i;
            }
        }
        for (int s = 0; s < sectors; s++) {
            members[s] = java.util.Arrays.stream(members[s]).boxed()
                    .sorted(java.util.Comparator.comparingDouble((Integer i) -> nearM[i]).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * @return per box, the horizontal distance from the origin to its bounding circle, metres (a lower
     *         bound on the distance of any hit); candidates are sorted by it so a cast can stop early
     */
    public double[] nearM() {
        return nearM;
    }

    /** @return the sector holding a world azimuth (radians, any value) */
    public int sectorOf(double azimuth) {
        double u = (azimuth + Math.PI) / (2 * Math.PI);
        u -= Math.floor(u);
        return Math.min(sectors - 1, (int) (u * sectors));
    }

    /** @return indices of the boxes that may be hit in a sector, nearest first; do not modify */
    public int[] candidates(int sector) {
        return members[sector];
    }
}
