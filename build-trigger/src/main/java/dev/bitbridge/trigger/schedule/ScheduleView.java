package dev.bitbridge.trigger.schedule;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A schedule as the API shows it, with where its slots stand.
 *
 * @param nextSlotAt the next slot to build (one waiting for the connector is in the past); absent when disabled
 * @param lastSlotAt the last slot built
 * @param lastRequestId the build request of that slot; its builds are on {@code bitbridge.builds.v1} under this id
 * @param lastFiredAt when that request was stored
 * @param lastError the last slot that was not built, or is waiting, and why
 * @param lastErrorSlot that slot (the first of them, when several were missed)
 * @param lastErrorAt when that was decided
 */
@Schema(name = "Schedule")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleView(String id, String integration, String repository, String branch, String job, String cron,
        String timeZone, Map<String, String> parameters, boolean enabled, String missedSlots, String description,
        Instant nextSlotAt, Instant lastSlotAt, String lastRequestId, Instant lastFiredAt, String lastError,
        Instant lastErrorSlot, Instant lastErrorAt, Instant createdAt, Instant updatedAt) {
}
