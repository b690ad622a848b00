package io.avreplay.perception.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@link ModelCard}s as JSON ({@code card.json}). Thread-safe. */
public final class ModelCardJson {
    /** File name of the card inside a model directory. */
    public static final String FILE_NAME = "card.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelCardJson() {
    }

    /** @return the card as pretty JSON */
    public static String toJson(ModelCard card) {
        try {
            return MAPPER.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise model card " + card.name(), e);
        }
    }

    /**
     * Parses a card.
     *
     * @param source named in error messages (a file path or resource name)
     * @throws BadInputException naming {@code source} when the JSON is malformed or a field is invalid
     */
    public static ModelCard fromJson(String json, String source) {
        try {
            return MAPPER.readValue(json, ModelCard.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BadInputException(source + ": invalid model card: " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": malformed model card: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws BadInputException when the file is missing, unreadable or invalid */
    public static ModelCard read(Path file) {
        try {
            return fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            // the exception's message, not its class name: users read these lines
            throw new BadInputException(file + ": cannot read model card: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
    }

    /** Writes the card to {@code file} through a temporary file renamed into place. */
    public static void write(ModelCard card, Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, toJson(card));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            io.avreplay.replay.files.FileTrees.deleteQuietly(file.resolveSibling(file.getFileName() + ".tmp"));
            throw new UncheckedIOException("cannot write model card " + file + ": " + e.getMessage(), e);
        }
    }
}
