package io.avreplay.perception.train;

import io.avreplay.perception.api.ModelCard;
import java.nio.file.Path;

/**
 * The outcome of {@link Trainer#train}.
 *
 * @param modelDir  directory holding the final {@code model.zip} and {@code card.json}
 * @param card      the card written, with provenance and held-out metrics
 * @param finalLoss mean loss over the last epoch's steps (or the steps run when stopped early)
 * @param complete  false when the run stopped at its time limit before the last epoch ended
 */
public record TrainResult(Path modelDir, ModelCard card, double finalLoss, boolean complete) {
}
