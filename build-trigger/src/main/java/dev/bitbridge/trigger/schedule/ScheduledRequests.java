package dev.bitbridge.trigger.schedule;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.Repository;

/**
 * The build request of one slot: reason {@code schedule}, kind {@code schedule/<id>/<slot>} (the slot as a UTC
 * instant), trigger {@code schedule} named by the schedule's id, nobody as requester, the schedule's parameters; its
 * id is derived from what it builds ({@link BuildRequestIds}), so the same slot of the same head is the same request.
 */
final class ScheduledRequests {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private ScheduledRequests() {
    }

    static BuildRequest of(ScheduleRow schedule, Instant slot, String commit, ZoneId zone, ObjectMapper json) {
        String kind = BuildRequestIds.schedule(schedule.id, slot.toString());
        String slug = schedule.repository.substring(schedule.repository.indexOf('/') + 1);
        return new BuildRequest(BuildRequestIds.of(schedule.integration, schedule.repository, commit, schedule.job,
                kind), schedule.integration, schedule.flavor, new Repository(schedule.repository, slug, null, null),
                commit, schedule.branch, null, schedule.job, BuildRequest.SCHEDULE,
                List.of(new BuildRequest.Trigger(BuildRequest.Trigger.SCHEDULE, schedule.id, null)), List.of(commit),
                List.of(), null, StatusKeys.of(schedule.job, null), null, parameters(schedule, json),
                slot.atZone(zone).toOffsetDateTime(), null, kind);
    }

    private static Map<String, String> parameters(ScheduleRow schedule, ObjectMapper json) {
        try {
            return schedule.parameters == null ? Map.of() : json.readValue(schedule.parameters, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("Schedule " + schedule.id + "'s stored parameters cannot be read", e);
        }
    }
}
