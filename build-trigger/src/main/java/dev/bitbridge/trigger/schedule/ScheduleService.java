package dev.bitbridge.trigger.schedule;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.api.ApiException;

/**
 * Creates, changes, reads and deletes schedules. A schedule is stored only once {@link ScheduleChecks} passed it:
 * otherwise nothing changes.
 */
@ApplicationScoped
public class ScheduleService {

    private static final Logger LOG = Logger.getLogger(ScheduleService.class);
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final ScheduleChecks checks;
    private final ObjectMapper json;
    private final ScheduleStore schedules;
    private final Pool pool;
    private final Clock clock = Clock.systemUTC();

    ScheduleService(ScheduleChecks checks, ObjectMapper json, ScheduleStore schedules, Pool pool) {
        this.checks = checks;
        this.json = json;
        this.schedules = schedules;
        this.pool = pool;
    }

    public Uni<ScheduleView> create(ScheduleRequest request) {
        return checks.checked(request, null).chain(flavor -> pool.withTransaction(connection -> {
            ScheduleRow schedule = new ScheduleRow();
            Instant now = clock.instant();
            schedule.id = UUID.randomUUID().toString();
            schedule.revision = 1;
            schedule.createdAt = now;
            apply(schedule, request, flavor, now);
            return schedules.insert(connection, schedule).replaceWith(schedule);
        })).invoke(schedule -> LOG.infof("Schedule %s created: %s of %s (integration %s), '%s' in %s, next slot %s",
                schedule.id, schedule.branch, schedule.repository, schedule.integration, schedule.cron,
                schedule.timeZone, schedule.nextSlotAt)).map(this::view);
    }

    public Uni<ScheduleView> update(String id, ScheduleRequest request) {
        return find(id).chain(existing -> checks.checked(request, existing)).chain(flavor -> pool.withTransaction(
                connection -> schedules.lock(connection, id).chain(schedule -> {
                    if (schedule == null) {
                        return Uni.createFrom().failure(notFound(id));
                    }
                    schedule.revision++; // a firing taken before this change is dropped, and taken again
                    apply(schedule, request, flavor, clock.instant());
                    return schedules.update(connection, schedule).replaceWith(schedule);
                }))).map(this::view);
    }

    public Uni<ScheduleView> get(String id) {
        return find(id).map(this::view);
    }

    public Uni<SchedulePage> list(String integration, String repository, String after, int limit) {
        return schedules.list(integration, repository, after, limit + 1).map(found -> {
            List<ScheduleView> views = found.stream().limit(limit).map(this::view).toList();
            return new SchedulePage(views, found.size() > limit ? views.get(views.size() - 1).id() : null);
        });
    }

    public Uni<Void> delete(String id) {
        return pool.withTransaction(connection -> schedules.find(connection, id).chain(schedule -> {
            if (schedule == null) {
                return Uni.createFrom().failure(notFound(id));
            }
            return schedules.delete(connection, id).invoke(() -> LOG.infof("Schedule %s deleted", id));
        }));
    }

    private Uni<ScheduleRow> find(String id) {
        return schedules.find(id).map(schedule -> {
            if (schedule == null) {
                throw notFound(id);
            }
            return schedule;
        });
    }

    private void apply(ScheduleRow schedule, ScheduleRequest request, String flavor, Instant now) {
        String zone = request.timeZone() == null ? ScheduleValidator.UTC : request.timeZone();
        String cron = ScheduleCron.parse(request.cron()).expression();
        boolean enabled = request.enabled() == null || request.enabled();
        boolean timing = schedule.nextSlotAt == null || !cron.equals(schedule.cron) || !zone.equals(schedule.timeZone)
                || enabled != schedule.enabled;
        schedule.integration = request.integration();
        schedule.repository = request.repository();
        schedule.flavor = flavor;
        schedule.branch = request.branch();
        schedule.job = request.job();
        schedule.cron = cron;
        schedule.timeZone = zone;
        schedule.parameters = write(request.parameters());
        schedule.missedSlots = request.missedSlots() == null ? MissedSlotPolicy.LATEST.value()
                : request.missedSlots();
        schedule.enabled = enabled;
        schedule.description = request.description();
        schedule.updatedAt = now;
        if (timing) {
            // A new expression, zone or state starts from now: no slot before this change is built for it.
            schedule.nextSlotAt = enabled ? new Slots(ScheduleCron.parse(cron), ScheduleValidator.zone(request))
                    .nextAfter(now).orElse(null) : null;
            schedule.dueAt = schedule.nextSlotAt;
            schedule.attempts = 0;
        }
    }

    ScheduleView view(ScheduleRow s) {
        return new ScheduleView(s.id, s.integration, s.repository, s.branch, s.job, s.cron, s.timeZone,
                read(s.parameters), s.enabled, s.missedSlots, s.description, s.nextSlotAt, s.lastSlotAt,
                s.lastRequestId, s.lastFiredAt, s.lastError, s.lastErrorSlot, s.lastErrorAt, s.createdAt,
                s.updatedAt);
    }

    private String write(Map<String, String> parameters) {
        try {
            return json.writeValueAsString(parameters == null ? Map.of() : new TreeMap<>(parameters));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("A schedule's stored parameters cannot be read", e);
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("No schedule '" + Objects.toString(id) + "'; GET /api/v1/schedules lists them");
    }
}
