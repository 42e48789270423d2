package dev.bitbridge.connector.enrichment.payload;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.regex.Pattern;

/**
 * Bitbucket's dates in every form its payloads use: epoch milliseconds (a number or a numeric string) and ISO-8601
 * with an offset written {@code Z}, {@code +03:00}, {@code +0300} or {@code +03}, with or without fractions of a
 * second. ISO dates keep their offset. Epoch milliseconds name an instant without an offset: they are given in UTC. A
 * date without any offset is refused rather than guessed.
 */
final class Dates {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d+");
    private static final Pattern SPACE_SEPARATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMMss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private Dates() {
    }

    /** @return the date at {@code at}, or null when absent or empty */
    static OffsetDateTime read(PathNode at) {
        if (!at.present()) {
            return null;
        }
        try {
            if (at.node().isIntegralNumber() && at.node().canConvertToLong()) {
                return fromEpochMillis(at.node().longValue());
            }
            if (at.node().isTextual()) {
                return parse(at.node().textValue());
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw ReadFailure.invalid(at.path(), "expected epoch milliseconds or an ISO-8601 date with an offset");
    }

    /**
     * @param text epoch milliseconds or an ISO-8601 date with an offset
     * @return the date; null when blank
     * @throws DateTimeException when it is neither
     */
    static OffsetDateTime parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (EPOCH_MILLIS.matcher(trimmed).matches()) {
            try {
                return fromEpochMillis(Long.parseLong(trimmed));
            } catch (NumberFormatException e) {
                throw new DateTimeException("epoch milliseconds out of range", e);
            }
        }
        String iso = SPACE_SEPARATED.matcher(trimmed).replaceFirst("$1T$2");
        return OffsetDateTime.parse(iso, ISO);
    }

    private static OffsetDateTime fromEpochMillis(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
