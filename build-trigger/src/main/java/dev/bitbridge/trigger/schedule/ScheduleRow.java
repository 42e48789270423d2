package dev.bitbridge.trigger.schedule;

import java.time.Instant;

/**
 * A schedule and where its slots stand: a row of {@code build_schedule} (see {@code V3__schedules.sql}), read by
 * {@link ScheduleStore}. A plain mutable class rather than a record: a change through the API and the outcome of a
 * firing each set several of its columns under the row's lock, and the row is written back whole.
 */
public final class ScheduleRow {

    public String id;
    public int revision;
    public String integration;
    public String repository;
    public String flavor;
    public String branch;
    public String job;
    public String cron;
    public String timeZone;
    public String parameters;
    public String missedSlots;
    public boolean enabled;
    public String description;
    public Instant nextSlotAt;
    public Instant dueAt;
    public int attempts;
    public Instant lastSlotAt;
    public String lastRequestId;
    public Instant lastFiredAt;
    public String lastError;
    public Instant lastErrorSlot;
    public Instant lastErrorAt;
    public Instant createdAt;
    public Instant updatedAt;
}
