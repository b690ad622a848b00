package io.avreplay.eval.coco;

/** The 12 COCO summary statistics, in COCOeval order. */
public enum CocoStat {
    /** AP at IoU .50:.95, all areas, 100 detections. */
    AP("AP@[.50:.95] all maxDets=100"),
    /** AP at IoU .50. */
    AP50("AP@.50 all 100"),
    /** AP at IoU .75. */
    AP75("AP@.75 all 100"),
    /** AP for small objects (area below 32^2). */
    APs("AP small 100"),
    /** AP for medium objects. */
    APm("AP medium 100"),
    /** AP for large objects (area above 96^2). */
    APl("AP large 100"),
    /** AR with 1 detection per image. */
    AR1("AR all maxDets=1"),
    /** AR with 10 detections per image. */
    AR10("AR all maxDets=10"),
    /** AR with 100 detections per image. */
    AR100("AR all maxDets=100"),
    /** AR for small objects. */
    ARs("AR small 100"),
    /** AR for medium objects. */
    ARm("AR medium 100"),
    /** AR for large objects. */
    ARl("AR large 100");

    private final String description;

    CocoStat(String description) {
        this.description = description;
    }

    /** @return a short description, as in the golden files' {@code stat_names} */
    public String description() {
        return description;
    }
}
