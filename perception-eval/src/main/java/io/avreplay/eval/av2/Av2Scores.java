package io.avreplay.eval.av2;

/**
 * One row of av2's summary table.
 *
 * @param ap     mean over the affinity thresholds of the average precision
 * @param ateM   mean translation error of true positives at the TP threshold, metres
 * @param ase    mean scale error (1 - aligned IoU)
 * @param aoeRad mean absolute yaw error, radians
 * @param cds    composite detection score: AP x mean(1 - ATE/tp_threshold, 1 - ASE, 1 - AOE/pi)
 */
public record Av2Scores(double ap, double ateM, double ase, double aoeRad, double cds) {
    /** @return the value of a column of av2's table: {@code AP}, {@code ATE}, {@code ASE}, {@code AOE}, {@code CDS} */
    public double get(String column) {
        return switch (column) {
            case "AP" -> ap;
            case "ATE" -> ateM;
            case "ASE" -> ase;
            case "AOE" -> aoeRad;
            case "CDS" -> cds;
            default -> throw new IllegalArgumentException("unknown av2 column " + column
                    + ", expected AP, ATE, ASE, AOE or CDS");
        };
    }

    /** av2's column names, in order. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("AP", "ATE", "ASE", "AOE", "CDS");
}
