package dev.bitbridge.trigger.schedule;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

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
    private final Clock clock = Clock.systemUTC();

    ScheduleService(ScheduleChecks checks, ObjectMapper json) {
        this.checks = checks;
        this.json = json;
    }

    public Uni<ScheduleView> create(ScheduleRequest request) {
        return checks.checked(request, null).chain(flavor -> Panache.withTransaction(() -> {
            ScheduleEntity schedule = new ScheduleEntity();
            Instant now = clock.instant();
            schedule.id = UUID.randomUUID().toString();
            schedule.revision = 1;
            schedule.createdAt = now;
            apply(schedule, request, flavor, now);
            return schedule.<ScheduleEntity> persist();
        })).invoke(schedule -> LOG.infof("Schedule %s created: %s of %s (integration %s), '%s' in %s, next slot %s",
                schedule.id, schedule.branch, schedule.repository, schedule.integration, schedule.cron,
                schedule.timeZone, schedule.nextSlotAt)).map(this::view);
    }

    public Uni<ScheduleView> update(String id, ScheduleRequest request) {
        return find(id).chain(existing -> checks.checked(request, existing)).chain(flavor -> Panache.withTransaction(
                () -> ScheduleEntity.<ScheduleEntity> findById(id, LockModeType.PESSIMISTIC_WRITE).chain(schedule -> {
                    if (schedule == null) {
                        return Uni.createFrom().failure(notFound(id));
                    }
                    schedule.revision++; // a firing taken before this change is dropped, and taken again
                    apply(schedule, request, flavor, clock.instant());
                    return Uni.createFrom().item(schedule);
                }))).map(this::view);
    }

    public Uni<ScheduleView> get(String id) {
        return find(id).map(this::view);
    }

    public Uni<SchedulePage> list(String integration, String repository, String after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (integration != null) {
            where.add("integration = :integration");
            parameters.and("integration", integration);
        }
        if (repository != null) {
            where.add("repository = :repository");
            parameters.and("repository", repository);
        }
        if (after != null) {
            where.add("id > :after");
            parameters.and("after", after);
        }
        String query = String.join(" and ", where);
        return Panache.withSession(() -> ScheduleEntity.<ScheduleEntity> find(query, Sort.by("id"), parameters)
                .page(0, limit + 1).list()).map(found -> {
                    List<ScheduleView> views = found.stream().limit(limit).map(this::view).toList();
                    return new SchedulePage(views, found.size() > limit ? views.get(views.size() - 1).id() : null);
                });
    }

    public Uni<Void> delete(String id) {
        return Panache.withTransaction(() -> ScheduleEntity.<ScheduleEntity> findById(id).chain(schedule -> {
            if (schedule == null) {
                return Uni.createFrom().failure(notFound(id));
            }
            return schedule.delete().invoke(() -> LOG.infof("Schedule %s deleted", id));
        }));
    }

    private Uni<ScheduleEntity> find(String id) {
        return Panache.withSession(() -> ScheduleEntity.<ScheduleEntity> findById(id)).map(schedule -> {
            if (schedule == null) {
                throw notFound(id);
            }
            return schedule;
        });
    }

    private void apply(ScheduleEntity schedule, ScheduleRequest request, String flavor, Instant now) {
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

    ScheduleView view(ScheduleEntity s) {
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
