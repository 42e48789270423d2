package dev.bitbridge.trigger.schedule;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of schedules, by id.
 *
 * @param schedules the schedules
 * @param next the {@code after} value for the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedulePage(List<ScheduleView> schedules, String next) {
}
