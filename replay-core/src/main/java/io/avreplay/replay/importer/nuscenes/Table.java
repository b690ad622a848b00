package io.avreplay.replay.importer.nuscenes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One nuScenes v1.0 table ({@code <name>.json}, a JSON array of records with a unique {@code token}),
 * converted record by record into {@code T} and indexed by token. The file is streamed: only one record's
 * JSON tree is alive at a time, so the big tables of {@code v1.0-trainval} need memory for their typed
 * rows only. Immutable after loading.
 *
 * @param <T> the typed row
 */
final class Table<T> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Map<String, T> byToken;

    private Table(Path file, Map<String, T> byToken) {
        this.file = file;
        this.byToken = Collections.unmodifiableMap(byToken);
    }

    /**
     * @param dir     the {@code v1.0-<version>} directory
     * @param name    the table, e.g. {@code sample_data}
     * @param convert turns a record into a typed row (throws {@link BadInputException} naming the field)
     * @throws BadInputException when the file is missing, is not valid JSON (with line and column), is not an
     *                           array of objects, or repeats a token
     */
    static <T> Table<T> read(Path dir, String name, Function<TableRow, T> convert) {
        Path file = dir.resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": missing table (a nuScenes v1.0 dataroot needs "
                    + String.join(", ", NuScenesTables.REQUIRED) + " as <name>.json)");
        }
        Map<String, T> rows = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory(MAPPER).createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new BadInputException(file + ": expected a JSON array of records at line 1, got "
                        + p.currentToken());
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == null) {
                    throw new BadInputException(file + ": unexpected end of file inside the record array");
                }
                TableRow row = new TableRow(file, index, p.readValueAs(JsonNode.class));
                String token = row.token();
                if (rows.put(token, convert.apply(row)) != null) {
                    throw new BadInputException(file + ": record [" + index + "]: token '" + token
                            + "' repeats an earlier record's");
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException(file + ": not valid JSON at line " + (at == null ? "?" : at.getLineNr())
                    + ", column " + (at == null ? "?" : at.getColumnNr()) + ": " + e.getOriginalMessage().split("\n")[0], e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new Table<>(file, rows);
    }

    /**
     * @param token       the token looked up
     * @param fromTable   the referring table, e.g. {@code sample_data}
     * @param fromToken   the referring record's token
     * @param field       the referring field, e.g. {@code ego_pose_token}
     * @throws BadInputException {@code ego_pose.json: no record with token 'abc' (referenced by sample_data 'xyz'.ego_pose_token)}
     */
    T get(String token, String fromTable, String fromToken, String field) {
        T row = byToken.get(token);
        if (row == null) {
            throw new BadInputException(file + ": no record with token '" + token + "' (referenced by " + fromTable + " '"
                    + fromToken + "'." + field + ")");
        }
        return row;
    }

    /** @return the rows in file order */
    Collection<T> rows() {
        return byToken.values();
    }

    Path file() {
        return file;
    }
}
