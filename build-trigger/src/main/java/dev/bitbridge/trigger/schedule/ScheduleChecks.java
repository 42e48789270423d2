package dev.bitbridge.trigger.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiError;
import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.trigger.branches.BranchHead;
import dev.bitbridge.trigger.branches.BranchHeadException;
import dev.bitbridge.trigger.branches.BranchHeads;
import dev.bitbridge.trigger.config.TriggerConfig;
import dev.bitbridge.trigger.targets.TargetResolver;

/**
 * Everything a schedule must pass before it is stored: its fields ({@link ScheduleValidator}), a Jenkins target for
 * its repository, and through the connector its integration and branch. Fails with the {@link ApiException} to
 * answer: 400 naming every field at fault, 400 without a connector, 503 when the connector does not answer.
 */
@ApplicationScoped
public class ScheduleChecks {

    private final TargetResolver targets;
    private final BranchHeads heads;
    private final TriggerConfig.Schedules config;
    private final Clock clock = Clock.systemUTC();

    ScheduleChecks(TargetResolver targets, BranchHeads heads, TriggerConfig config) {
        this.targets = targets;
        this.heads = heads;
        this.config = config.schedules();
    }

    /**
     * @param request the schedule as sent
     * @param existing the schedule it replaces, or null for a new one: the connector is not asked again when the
     *        integration, repository and branch stay as they were
     * @return the integration's flavor
     */
    Uni<String> checked(ScheduleRequest request, ScheduleRow existing) {
        if (existing == null && !heads.configured()) {
            return Uni.createFrom().failure(new ApiException(400, ApiError.of("connector_not_configured",
                    "Schedules need the connector to read their branch's head, and build-trigger has none:"
                            + " set bitbridge.trigger.connector.url and bitbridge.trigger.connector.api-token")));
        }
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
                    } else if (request.job() == null && found.defaultJob() == null && found.multibranch() == null) {
                        problems.add(new FieldProblem("job", "is required: Jenkins target " + found.id() + " has no"
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
            // The branch-head answer says the integration's flavor too; a 404 names what is unknown.
            return heads.head(request.integration(), request.repository(), request.branch())
                    .onFailure(BranchHeadException.class).transform(f -> refusal((BranchHeadException) f))
                    .map(BranchHead::flavor);
        });
    }

    private static ApiException refusal(BranchHeadException failure) {
        return switch (failure.kind()) {
            case NOT_FOUND -> ApiException.invalid(failure.field(), (failure.field().equals("integration")
                    ? "is not an integration of the connector: create it there first"
                    : "cannot be found") + " (" + failure.getMessage() + ")");
            case NOT_CONFIGURED -> new ApiException(400, ApiError.of("connector_not_configured",
                    failure.getMessage()));
            case UNAVAILABLE -> new ApiException(503, ApiError.of("connector_unavailable", "The connector could"
                    + " not be asked, so nothing was stored; try again: " + failure.getMessage()));
        };
    }

}
