package dev.bitbridge.trigger.schedule;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A schedule and where its slots stand; see {@code V3__schedules.sql}. */
@Entity
@Table(name = "build_schedule")
public class ScheduleEntity extends PanacheEntityBase {

    @Id
    public String id;
    public int revision;
    public String integration;
    public String repository;
    public String flavor;
    public String branch;
    public String job;
    public String cron;
    @Column(name = "time_zone")
    public String timeZone;
    public String parameters;
    @Column(name = "missed_slots")
    public String missedSlots;
    public boolean enabled;
    public String description;
    @Column(name = "next_slot_at")
    public Instant nextSlotAt;
    @Column(name = "due_at")
    public Instant dueAt;
    public int attempts;
    @Column(name = "last_slot_at")
    public Instant lastSlotAt;
    @Column(name = "last_request_id")
    public String lastRequestId;
    @Column(name = "last_fired_at")
    public Instant lastFiredAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_error_slot")
    public Instant lastErrorSlot;
    @Column(name = "last_error_at")
    public Instant lastErrorAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
