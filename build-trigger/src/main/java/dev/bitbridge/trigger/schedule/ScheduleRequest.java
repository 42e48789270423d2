package dev.bitbridge.trigger.schedule;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code POST /api/v1/schedules} and {@code PUT /api/v1/schedules/{id}} take.
 *
 * @param integration the integration (as the connector names it)
 * @param repository the repository's full name: {@code workspace/slug} (Cloud) or {@code PROJECT/slug} (Data Center)
 * @param branch the branch whose head each slot builds, without {@code refs/heads/}
 * @param job the Jenkins job path; absent for the Jenkins target's default job (or the branch's job in its
 *        multibranch project)
 * @param cron when: 5 fields (minute hour day-of-month month day-of-week), 6 with seconds first, or a nickname
 * @param timeZone the IANA time zone the cron expression is read in; absent for UTC
 * @param parameters extra build parameters, name → value
 * @param enabled whether it fires; absent for true
 * @param missedSlots {@code latest} (the default) or {@code skip}: what slots missed while build-trigger was not
 *        running build
 * @param description what it is for, for people
 */
@Schema(name = "ScheduleRequest")
public record ScheduleRequest(
        @Schema(required = true, examples = "acme-cloud") String integration,
        @Schema(required = true, examples = "acme/game") String repository,
        @Schema(required = true, examples = "main") String branch,
        @Schema(description = "Absent: the Jenkins target's default job", examples = "Games/Nightly") String job,
        @Schema(required = true, description = "5 fields (minute hour day-of-month month day-of-week), 6 with seconds"
                + " first, or @yearly, @monthly, @weekly, @daily, @hourly", examples = "0 2 * * MON-FRI") String cron,
        @Schema(description = "IANA time zone; absent: UTC", examples = "Europe/Berlin") String timeZone,
        Map<String, String> parameters,
        @Schema(description = "Absent: true") Boolean enabled,
        @Schema(enumeration = {
                "latest", "skip" }, description = "Absent: latest") String missedSlots,
        String description){
}
