package dev.bitbridge.trigger.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.events.build.JobPaths;
import dev.bitbridge.events.integration.IntegrationNames;

/**
 * Checks a schedule's fields before anything is looked up or stored: every problem, with the field and what to do.
 * What needs the database or the connector (the Jenkins target, the integration, the branch) is checked after.
 */
final class ScheduleValidator {

    static final String UTC = "UTC";
    private static final Pattern REPOSITORY = Pattern.compile("~?[A-Za-z0-9._-]+/[A-Za-z0-9._-]+");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    /** The parameters Bitbridge gives every build itself (TargetResolver#parameters). */
    private static final Set<String> RESERVED = Set.of("COMMIT", "REPOSITORY", "BRANCH", "TAG", "PULL_REQUEST",
            "TASK_KEYS", "REQUESTED_BY", "BUILD_REASON");
    private static final int MAX_VALUE = 4096;
    private static final int MAX_DESCRIPTION = 500;
    /** How far ahead the cron expression's intervals are looked at, and at most how many of its times. */
    private static final Duration INTERVAL_HORIZON = Duration.ofDays(400);
    private static final int INTERVAL_TIMES = 5000;

    private ScheduleValidator() {
    }

    /**
     * @param request the schedule as sent
     * @param minInterval the shortest interval allowed between two slots
     * @param now the time, for the cron expression's next times
     * @return every problem; none when the fields are usable
     */
    static List<FieldProblem> problems(ScheduleRequest request, Duration minInterval, LocalDateTime now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!IntegrationNames.isValid(request.integration())) {
            problems.add(new FieldProblem("integration", "must be an integration's name: 1-63 lower-case letters,"
                    + " digits and inner hyphens, e.g. 'acme-cloud'"));
        }
        if (request.repository() == null || !REPOSITORY.matcher(request.repository()).matches()) {
            problems.add(new FieldProblem("repository", "must be the repository's full name: 'workspace/slug' on"
                    + " Bitbucket Cloud, 'PROJECT/slug' on Data Center"));
        }
        branch(request.branch(), problems);
        if (request.job() != null) {
            JobPaths.problem(request.job()).ifPresent(problem -> problems.add(new FieldProblem("job", problem
                    + " (or leave it out for the Jenkins target's default job)")));
        }
        cron(request.cron(), minInterval, now, problems);
        if (request.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
            problems.add(new FieldProblem("timeZone", "must be an IANA time zone such as 'Europe/Berlin' or 'UTC'"
                    + " (a region, not an offset, so that daylight saving time is followed); leave it out for UTC"));
        }
        parameters(request.parameters(), problems);
        if (request.missedSlots() != null && MissedSlotPolicy.of(request.missedSlots()).isEmpty()) {
            problems.add(new FieldProblem("missedSlots", "must be 'latest' (build the most recent slot missed while"
                    + " build-trigger was not running; the default) or 'skip' (build none of them)"));
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "is longer than " + MAX_DESCRIPTION + " characters"));
        }
        return problems;
    }

    /** @return the schedule's time zone: the one given, else UTC */
    static ZoneId zone(ScheduleRequest request) {
        return ZoneId.of(request.timeZone() == null ? UTC : request.timeZone());
    }

    private static void branch(String branch, List<FieldProblem> problems) {
        if (branch == null || branch.isBlank()) {
            problems.add(new FieldProblem("branch", "is required: the branch whose head each slot builds, e.g."
                    + " 'main'"));
        } else if (branch.startsWith("refs/")) {
            problems.add(new FieldProblem("branch", "must be the branch's name without 'refs/heads/', e.g. 'main'"));
        } else if (branch.length() > 255 || branch.chars().anyMatch(Character::isISOControl)
                || !branch.equals(branch.strip())) {
            problems.add(new FieldProblem("branch", "is not a branch name Git allows: at most 255 characters, no"
                    + " control characters, no space at either end"));
        }
    }

    private static void cron(String expression, Duration minInterval, LocalDateTime now,
            List<FieldProblem> problems) {
        ScheduleCron cron;
        try {
            cron = ScheduleCron.parse(expression);
        } catch (ScheduleCron.Invalid e) {
            problems.add(new FieldProblem("cron", e.getMessage()));
            return;
        }
        if (cron.nextAfter(now).isEmpty()) {
            problems.add(new FieldProblem("cron", "never fires: no date matches it (such as 30 February); check the"
                    + " day-of-month and month fields"));
            return;
        }
        cron.shortestInterval(now, INTERVAL_TIMES, INTERVAL_HORIZON, minInterval)
                .filter(shortest -> shortest.compareTo(minInterval) < 0)
                .ifPresent(shortest -> problems.add(new FieldProblem("cron", "fires " + words(shortest) + " apart"
                        + " at times, more often than once every " + words(minInterval)
                        + " (bitbridge.trigger.schedules.min-interval): e.g. '*/15 * * * *' is every quarter hour,"
                        + " '0 2 * * *' every night at 02:00")));
    }

    private static void parameters(Map<String, String> parameters, List<FieldProblem> problems) {
        if (parameters == null) {
            return;
        }
        parameters.forEach((name, value) -> {
            String field = "parameters." + name;
            if (!PARAMETER.matcher(name).matches()) {
                problems.add(new FieldProblem(field, "is not a usable Jenkins parameter name: letters, digits, '_',"
                        + " '.' and '-', starting with a letter or '_'"));
            } else if (name.toUpperCase(Locale.ROOT).startsWith("BITBRIDGE_") || RESERVED.contains(name)) {
                problems.add(new FieldProblem(field, "is set by Bitbridge for every build (BITBRIDGE_*, COMMIT,"
                        + " REPOSITORY, BRANCH, TAG, PULL_REQUEST, TASK_KEYS, REQUESTED_BY, BUILD_REASON): choose"
                        + " another name"));
            } else if (value == null) {
                problems.add(new FieldProblem(field, "needs a value (an empty string is fine)"));
            } else if (value.length() > MAX_VALUE) {
                problems.add(new FieldProblem(field, "is longer than " + MAX_VALUE + " characters"));
            }
        });
    }

    /** @return a duration as people say it: "2 seconds", "1 minute", "1 hour 30 minutes" */
    static String words(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return unit(seconds, "second");
        }
        if (seconds < 3600) {
            return unit(seconds / 60, "minute") + (seconds % 60 == 0 ? "" : " " + unit(seconds % 60, "second"));
        }
        return unit(seconds / 3600, "hour") + (seconds % 3600 / 60 == 0 ? ""
                : " " + unit(seconds % 3600 / 60,
                        "minute"));
    }

    private static String unit(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** @return the wall-clock time now in UTC, from which cron expressions are checked */
    static LocalDateTime utcNow(java.time.Instant now) {
        return LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}
