package io.avreplay.replay.importer;

import java.util.Objects;

/**
 * One verification an importer ran against facts stored in the source dataset.
 *
 * @param name      what was checked, e.g. {@code num_interior_pts}
 * @param passed    items that agreed exactly
 * @param total     items checked
 * @param satisfied whether the check meets its acceptance rule (stated in {@code detail})
 * @param detail    one line: the rule and, when items disagree, which and by how much
 */
public record ImportCheck(String name, int passed, int total, boolean satisfied, String detail) {
    public ImportCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        if (passed < 0 || total < 0 || passed > total) {
            throw new IllegalArgumentException("check '" + name + "' needs 0 <= passed <= total, got passed="
                    + passed + " total=" + total);
        }
    }

    /** @return e.g. {@code num_interior_pts: 81/81 ok (rule: all equal)} */
    public String summary() {
        return name + ": " + passed + "/" + total + (satisfied ? " ok" : " FAILED") + " (" + detail + ")";
    }
}
