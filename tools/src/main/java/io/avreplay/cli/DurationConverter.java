package io.avreplay.cli;

import io.avreplay.replay.time.DurationGrammar;
import io.avreplay.error.InvalidConfigException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts a duration option with the one grammar ({@link DurationGrammar}) into nanoseconds. */
final class DurationConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return DurationGrammar.parseNs("duration", value);
        } catch (InvalidConfigException e) {
            throw new TypeConversionException(e.getMessage().replaceFirst("^duration: ", ""));
        }
    }
}
