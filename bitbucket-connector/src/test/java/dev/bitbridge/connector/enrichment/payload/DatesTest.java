package dev.bitbridge.connector.enrichment.payload;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every date form Bitbucket payloads use; offsets are kept, epoch milliseconds are UTC. */
class DatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1530818490848|2018-07-05T19:21:30.848Z|Z",
            "0|1970-01-01T00:00Z|Z",
            "2018-07-05T19:21:30+0000|2018-07-05T19:21:30Z|Z",
            "2025-09-23T03:15:55+0300|2025-09-23T03:15:55+03:00|+03:00",
            "2025-09-23T03:15:55+03:00|2025-09-23T03:15:55+03:00|+03:00",
            "2018-09-21T14:09:51.000Z|2018-09-21T14:09:51Z|Z",
            "2018-07-02T21:51:39.492248+00:00|2018-07-02T21:51:39.492248Z|Z",
            "2017-09-19T09:45:32+1000|2017-09-19T09:45:32+10:00|+10:00",
            "2019-02-14T12:12:23-0530|2019-02-14T12:12:23-05:30|-05:30",
            "2019-02-14T12:12:23+05|2019-02-14T12:12:23+05:00|+05:00",
            "2019-02-14 12:12:23+0200|2019-02-14T12:12:23+02:00|+02:00",
            "2019-02-14t12:12:23z|2019-02-14T12:12:23Z|Z",
            " 2019-02-14T12:12:23Z |2019-02-14T12:12:23Z|Z" })
    void parsesAndKeepsTheOffset(String text, String expected, String offset) {
        OffsetDateTime date = Dates.parse(text);

        assertThat(date).isEqualTo(OffsetDateTime.parse(expected));
        assertThat(date.getOffset()).isEqualTo(ZoneOffset.of(offset));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "yesterday", "2018-07-02T21:51:39", "2018-13-02T21:51:39Z", "2018-07-02",
            "12.5", "99999999999999999999999" })
    void refusesWhatItCannotReadWithoutGuessing(String text) {
        assertThatThrownBy(() -> Dates.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void aBlankDateIsAbsent() {
        assertThat(Dates.parse("  ")).isNull();
    }

    @Test
    void readsJsonNumbersAsEpochMillisInUtcAndNamesThePathOfABadDate() throws Exception {
        var json = new ObjectMapper().readTree("{\"n\": 1758586555000, \"s\": \"1758586555000\", \"b\": true,"
                + " \"o\": {}, \"bad\": \"soon\", \"huge\": 99999999999999999999999, \"null\": null}");
        PathNode root = PathNode.root(json);

        assertThat(Dates.read(root.get("n"))).isEqualTo(OffsetDateTime.parse("2025-09-23T00:15:55Z"))
                .isEqualTo(Dates.read(root.get("s")));
        assertThat(Dates.read(root.get("n")).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(Dates.read(root.get("null"))).isNull();
        assertThat(Dates.read(root.get("absent"))).isNull();
        for (String field : new String[] { "b", "o", "bad", "huge" }) {
            assertThatThrownBy(() -> Dates.read(root.get(field))).isInstanceOfSatisfying(ReadFailure.class, failure -> {
                assertThat(failure.path()).isEqualTo("$." + field);
                assertThat(failure.problem()).isEqualTo(ReadFailure.Problem.INVALID);
            });
        }
    }
}
