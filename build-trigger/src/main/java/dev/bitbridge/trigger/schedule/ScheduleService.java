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

import dev.bitbridge.api.ApiError;
import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.trigger.branches.BranchHeadException;
import dev.bitbridge.trigger.branches.BranchHeads;
import dev.bitbridge.trigger.config.TriggerConfig;
import dev.bitbridge.trigger.targets.TargetResolver;

/**
 * Creates, changes, reads and deletes schedules. A schedule is stored only once every field is valid, its Jenkins
 * target exists and the connector has confirmed its integration and branch: otherwise nothing changes.
 */
@ApplicationScoped
public class ScheduleService {

    private static final Logger LOG = Logger.getLogger(ScheduleService.class);
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final TargetResolver targets;
    private final BranchHeads heads;
    private final ConnectorIntegrations integrations;
    private final ObjectMapper json;
    private final TriggerConfig.Schedules config;
    private final Clock clock = Clock.systemUTC();

    ScheduleService(TargetResolver targets, BranchHeads heads, ConnectorIntegrations integrations, ObjectMapper json,
            TriggerConfig config) {
        this.targets = targets;
        this.heads = heads;
        this.integrations = integrations;
        this.json = json;
        this.config = config.schedules();
    }

    public Uni<ScheduleView> create(ScheduleRequest request) {
        if (!heads.configured()) {
            return Uni.createFrom().failure(new ApiException(400, ApiError.of("connector_not_configured",
                    "Schedules need the connector to read their branch's head, and build-trigger has none:"
                            + " set bitbridge.trigger.connector.url and bitbridge.trigger.connector.api-token")));
        }
        return checked(request, null).chain(flavor -> Panache.withTransaction(() -> {
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
        return find(id).chain(existing -> checked(request, existing)).chain(flavor -> Panache.withTransaction(
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

    /**
     * Checks everything before anything is stored: the fields, the Jenkins target, and through the connector the
     * integration and the branch (not again when a change leaves them as they were).
     *
     * @return the integration's flavor
     */
    private Uni<String> checked(ScheduleRequest request, ScheduleEntity existing) {
        if (request == null) {
            return Uni.createFrom().failure(ApiException.invalid("body", "is missing: send the schedule as a JSON"
                    + " object"));
        }
        List<FieldProblem> problems = new ArrayList<>(ScheduleValidator.problems(request, config.minInterval(),
                ScheduleValidator.utcNow(clock.instant())));
        boolean named = problems.stream().noneMatch(p -> p.field().equals("integration")
                || p.field().equals("repository"));
        Uni<Void> target = !named ? Uni.createFrom().voidItem()
                : targets.targetOf(request.integration(), request.repository()).invoke(found -> {
                    if (found == null) {
                        problems.add(new FieldProblem("repository", "has no Jenkins target, nor has its integration:"
                                + " PUT /api/v1/integrations/" + request.integration() + "/jenkins-target (or"
                                + " …/repositories/" + request.repository() + "/jenkins-target) first"));
                    } else if (request.job() == null && found.defaultJob == null && found.multibranch == null) {
                        problems.add(new FieldProblem("job", "is required: Jenkins target " + found.id + " has no"
                                + " default job (nor a multibranch project) to build"));
                    }
                }).replaceWithVoid();
        return target.chain(() -> {
            if (!problems.isEmpty()) {
                return Uni.createFrom().failure(ApiException.invalid(problems));
            }
            boolean same = existing != null && existing.integration.equals(request.integration())
                    && existing.repository.equals(request.repository()) && existing.branch.equals(request.branch());
            if (same) {
                return Uni.createFrom().item(existing.flavor);
            }
            if (!heads.configured()) {
                return Uni.createFrom().failure(new ApiException(400, ApiError.of("connector_not_configured",
                        "A schedule's integration, repository or branch can only change with the connector, to read"
                                + " the branch's head: set bitbridge.trigger.connector.url")));
            }
            return integrations.flavor(request.integration())
                    .onFailure(BranchHeadException.class).transform(f -> refusal((BranchHeadException) f,
                            "integration", "is not an integration of the connector: create it there first"))
                    .call(flavor -> heads.head(request.integration(), request.repository(), request.branch())
                            .onFailure(BranchHeadException.class).transform(f -> refusal((BranchHeadException) f,
                                    "branch", "cannot be found")));
        });
    }

    private static ApiException refusal(BranchHeadException failure, String field, String notFound) {
        return switch (failure.kind()) {
            case NOT_FOUND -> ApiException.invalid(field, notFound + " (" + failure.getMessage() + ")");
            case NOT_CONFIGURED -> new ApiException(400, ApiError.of("connector_not_configured",
                    failure.getMessage()));
            case UNAVAILABLE -> new ApiException(503, ApiError.of("connector_unavailable", "The connector could"
                    + " not be asked, so nothing was stored; try again: " + failure.getMessage()));
        };
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
