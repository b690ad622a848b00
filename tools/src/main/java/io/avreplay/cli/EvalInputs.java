package io.avreplay.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --gt} and {@code --pred} inputs of the benchmark evaluations ({@code eval nuscenes}, {@code kitti},
 * {@code nuscenes-tracking}, {@code av2}); each command's description says their format.
 */
final class EvalInputs {
    @Option(names = "--gt", required = true, paramLabel = "GT", description = "Ground truth (GT above).")
    Path gt;

    @Option(names = "--pred", required = true, paramLabel = "PRED", description = "Predictions (PRED above).")
    Path pred;

    /** @return {@code --gt}, checked to be an existing file (or directory) */
    Path gt(CommandSpec spec, boolean directory) {
        return EvalCommand.existing(spec, gt, "--gt", directory);
    }

    /** @return {@code --pred}, checked to be an existing file (or directory) */
    Path pred(CommandSpec spec, boolean directory) {
        return EvalCommand.existing(spec, pred, "--pred", directory);
    }
}
