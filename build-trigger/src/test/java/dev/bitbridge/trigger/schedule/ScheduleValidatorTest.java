package dev.bitbridge.trigger.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.api.ApiError.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

/** A schedule's fields, checked before anything is looked up: each problem named, with what to do. */
class ScheduleValidatorTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0);
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    static ScheduleRequest request(String cron, String timeZone, Map<String, String> parameters) {
        return new ScheduleRequest("acme-cloud", "acme/game", "main", null, cron, timeZone, parameters, null, null,
                null);
    }

    static List<FieldProblem> problems(ScheduleRequest request) {
        return ScheduleValidator.problems(request, FIVE_MINUTES, NOW);
    }

    @Test
    void aCompleteScheduleHasNoProblem() {
        assertThat(problems(request("0 2 * * MON-FRI", "Europe/Berlin", Map.of("SUITE", "full")))).isEmpty();
        assertThat(problems(new ScheduleRequest("acme-dc", "~JDOE/tools", "release/2.0", "Games/Nightly",
                "*/5 * * * *", null, null, false, "skip", "nightly"))).isEmpty();
    }

    @Test
    void aScheduleThatWouldFireTooOftenIsRefusedSayingTheLimit() {
        assertThat(problems(request("* * * * *", null, null))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("cron");
            assertThat(p.problem()).contains("1 minute apart", "every 5 minutes", "schedules.min-interval");
        });
        assertThat(problems(request("*/10 * * * * *", null, null))).extracting(FieldProblem::problem)
                .singleElement().asString().contains("10 seconds apart");
        assertThat(ScheduleValidator.problems(request("*/10 * * * * *", null, null), Duration.ofSeconds(1), NOW))
                .as("allowed with a lower minimum").isEmpty();
        assertThat(problems(request("0,2 3 * * *", null, null))).as("twice a night, two minutes apart")
                .extracting(FieldProblem::field).containsExactly("cron");
    }

    @Test
    void reservedAndUnusableParameterNamesAreNamed() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("bitbridge_request_id", "x");
        parameters.put("BUILD_REASON", "x");
        parameters.put("9lives", "x");
        parameters.put("EMPTY", null);
        parameters.put("LONG", "x".repeat(4097));
        parameters.put("FINE", "");
        assertThat(problems(request("0 2 * * *", null, parameters))).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("parameters.bitbridge_request_id", "parameters.BUILD_REASON",
                        "parameters.9lives", "parameters.EMPTY", "parameters.LONG");
    }

    @Test
    void requiredFieldsMissingAreEachNamed() {
        assertThat(problems(new ScheduleRequest(null, null, null, null, null, null, null, null, null, "x".repeat(
                501)))).extracting(FieldProblem::field).containsExactly("integration", "repository", "branch", "cron",
                        "description");
        assertThat(problems(new ScheduleRequest("acme", "acme/game", " main", "", "0 2 * * *", "CEST", null, null,
                "LATEST", null))).extracting(FieldProblem::field).containsExactly("branch", "job", "timeZone",
                        "missedSlots");
    }

    @Test
    void durationsAreSaidInWords() {
        assertThat(ScheduleValidator.words(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(ScheduleValidator.words(Duration.ofSeconds(90))).isEqualTo("1 minute 30 seconds");
        assertThat(ScheduleValidator.words(Duration.ofMinutes(5))).isEqualTo("5 minutes");
        assertThat(ScheduleValidator.words(Duration.ofMinutes(150))).isEqualTo("2 hours 30 minutes");
        assertThat(ScheduleValidator.words(Duration.ofDays(1))).isEqualTo("24 hours");
    }
}
