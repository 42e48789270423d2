package dev.bitbridge.trigger.manual;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.Repository;
import dev.bitbridge.trigger.branches.BranchHeadException;
import dev.bitbridge.trigger.branches.BranchHeads;
import dev.bitbridge.trigger.requests.RequestStore;
import dev.bitbridge.trigger.store.BuildRow;
import dev.bitbridge.trigger.store.BuildStore;
import dev.bitbridge.trigger.store.Transitions;
import dev.bitbridge.trigger.targets.JenkinsTarget;
import dev.bitbridge.trigger.targets.TargetResolver;

/**
 * A person's build request: checked whole (the body, then its Jenkins target), completed through the connector (the
 * branch's head when no commit is given, the integration's flavor), and stored through {@link RequestStore} like any
 * request, as {@code manual}: never a duplicate of another, except of the request made with the same
 * {@code Idempotency-Key}, which names the same build.
 */
@ApplicationScoped
class ManualBuilds {

    /** @param created whether this request made the build (else it names one made before with its key) */
    record Outcome(BuildView build, boolean created) {
    }

    private record Resolved(String commit, String flavor) {
    }

    private final TargetResolver targets;
    private final BranchHeads heads;
    private final RequestStore requests;
    private final Transitions transitions;
    private final BuildViews views;
    private final ObjectMapper json;
    private final BuildStore builds;

    ManualBuilds(TargetResolver targets, BranchHeads heads, RequestStore requests,
            Transitions transitions, BuildViews views, ObjectMapper json, BuildStore builds) {
        this.builds = builds;
        this.targets = targets;
        this.heads = heads;
        this.requests = requests;
        this.transitions = transitions;
        this.views = views;
        this.json = json;
    }

    Uni<Outcome> create(ManualBuildRequest body, String idempotencyKey) {
        if (body == null) {
            throw ApiException.invalid("body", "is missing: send the build request as a JSON object");
        }
        List<FieldProblem> problems = new ArrayList<>(ManualBuildValidator.problems(body, idempotencyKey,
                heads.configured()));
        boolean named = problems.stream().noneMatch(p -> p.field().equals("integration")
                || p.field().equals("repository"));
        Uni<JenkinsTarget> target = named ? targets.targetOf(body.integration(), body.repository())
                : Uni.createFrom().nullItem();
        return target.chain(found -> {
            if (named) {
                problems.addAll(targetProblems(found, body));
            }
            if (!problems.isEmpty()) {
                return Uni.createFrom().failure(ApiException.invalid(problems));
            }
            if (idempotencyKey == null) {
                return build(ManualRequestIds.random(), body);
            }
            String id = ManualRequestIds.of(body.integration(), idempotencyKey);
            return find(id).chain(existing -> existing != null ? replay(existing, body) : build(id, body));
        });
    }

    private static List<FieldProblem> targetProblems(JenkinsTarget target, ManualBuildRequest body) {
        if (target == null) {
            return List.of(new FieldProblem("integration", "has no Jenkins target for " + body.repository() + ": PUT"
                    + " one at /api/v1/integrations/" + body.integration() + "/jenkins-target (or at …/repositories/"
                    + body.repository() + "/jenkins-target for this repository alone)"));
        }
        if (body.job() == null && target.defaultJob() == null && target.multibranch() == null) {
            return List.of(new FieldProblem("job", "is required: Jenkins target " + target.id() + " has no default"
                    + " job (set defaultJob on the target, or name the job)"));
        }
        if (body.job() == null && target.defaultJob() == null && body.branch() == null) {
            return List.of(new FieldProblem("branch", "is required: Jenkins target " + target.id() + " builds the"
                    + " branch jobs of multibranch project " + target.multibranch() + " (name the branch, or a"
                    + " job)"));
        }
        return List.of();
    }

    private Uni<Outcome> build(String id, ManualBuildRequest body) {
        Uni<Resolved> resolved = body.commit() == null
                ? heads.head(body.integration(), body.repository(), body.branch())
                        .map(head -> new Resolved(head.commit(), head.flavor()))
                : (heads.configured() ? heads.flavor(body.integration()) : Uni.createFrom().item(body.flavor()))
                        .map(flavor -> new Resolved(body.commit().toLowerCase(java.util.Locale.ROOT), flavor));
        return resolved
                .onFailure(BranchHeadException.class).transform(f -> refusal((BranchHeadException) f))
                .chain(r -> {
                    if (body.flavor() != null && !body.flavor().equals(r.flavor())) {
                        throw ApiException.invalid("flavor", "does not match: the connector says integration "
                                + body.integration() + " is " + r.flavor() + " (leave flavor out)");
                    }
                    BuildRequest request = request(id, body, r);
                    return requests.accept(request, write(request));
                })
                .chain(inserted -> find(id).chain(stored -> inserted ? Uni.createFrom().item(new Outcome(views.view(
                        stored), true)) : replay(stored, body)));
    }

    private static BuildRequest request(String id, ManualBuildRequest body, Resolved resolved) {
        String slug = body.repository().substring(body.repository().indexOf('/') + 1);
        return new BuildRequest(id, body.integration(), resolved.flavor(), new Repository(body.repository(), slug,
                null, null), resolved.commit(), body.branch(), null, body.job(), BuildRequest.MANUAL,
                List.of(new BuildRequest.Trigger(BuildRequest.Trigger.MANUAL, body.requestedBy(), null)),
                List.of(resolved.commit()), List.of(), null, StatusKeys.of(body.job(), null),
                new Account(null, null, null, body.requestedBy(), null),
                body.parameters() == null ? Map.of() : body.parameters(), OffsetDateTime.now(ZoneOffset.UTC), null,
                BuildRequest.MANUAL);
    }

    /** The same key again: the build it made, unless the request is another one (then the key is misused). */
    private Uni<Outcome> replay(BuildRow existing, ManualBuildRequest body) {
        BuildRequest stored = transitions.requestOf(existing);
        List<String> differ = new ArrayList<>();
        if (!stored.repository().fullName().equals(body.repository())) {
            differ.add("repository");
        }
        if (body.commit() != null && !body.commit().equalsIgnoreCase(stored.commit())) {
            differ.add("commit");
        }
        if (!Objects.equals(stored.branch(), body.branch())) {
            differ.add("branch");
        }
        if (!Objects.equals(stored.job(), body.job())) {
            differ.add("job");
        }
        if (!stored.parameters().equals(body.parameters() == null ? Map.of() : body.parameters())) {
            differ.add("parameters");
        }
        if (!differ.isEmpty()) {
            return Uni.createFrom().failure(ApiException.conflict("This Idempotency-Key was used in integration "
                    + existing.integration + " for build " + existing.requestId + ", whose " + String.join(", ", differ)
                    + " differ from this request's: use a new key for a new build"));
        }
        return Uni.createFrom().item(new Outcome(views.view(existing), false));
    }

    private static RuntimeException refusal(BranchHeadException failure) {
        return switch (failure.kind()) {
            case NOT_FOUND -> ApiException.invalid(failure.field(), "is unknown: " + failure.getMessage());
            case NOT_CONFIGURED -> ApiException.invalid("commit", "is required: " + failure.getMessage());
            case UNAVAILABLE -> failure;
        };
    }

    private Uni<BuildRow> find(String id) {
        return builds.find(id);
    }

    private String write(BuildRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (IOException e) {
            throw new IllegalStateException("A build request could not be written", e);
        }
    }
}
