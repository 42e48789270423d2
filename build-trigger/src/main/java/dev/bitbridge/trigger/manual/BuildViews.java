package dev.bitbridge.trigger.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.trigger.store.BuildRow;
import dev.bitbridge.trigger.store.BuildStore;
import dev.bitbridge.trigger.store.Transitions;

/** Builds as the API shows them: one, or the newest of a selection. */
@ApplicationScoped
class BuildViews {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final Set<String> STATES = Set.of("PENDING", "DISPATCHING", "QUEUED", "INPROGRESS", "SUCCESSFUL",
            "FAILED", "STOPPED");

    private final Transitions transitions;
    private final BuildStore builds;

    BuildViews(Transitions transitions, BuildStore builds) {
        this.transitions = transitions;
        this.builds = builds;
    }

    Uni<BuildView> get(String requestId) {
        return builds.find(requestId).map(build -> {
            if (build == null) {
                throw ApiException.notFound("No build has the id '" + requestId + "'");
            }
            return view(build);
        });
    }

    Uni<BuildList> list(String integration, String repository, String state, Integer limit) {
        List<FieldProblem> problems = new ArrayList<>();
        if (state != null && !STATES.contains(state)) {
            problems.add(new FieldProblem("state", "must be one of " + STATES.stream().sorted().toList()));
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (repository != null && integration == null) {
            problems.add(new FieldProblem("integration", "is required with repository"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return builds.newest(integration, repository, state, limit == null ? DEFAULT_LIMIT : limit)
                .map(found -> new BuildList(found.stream().map(this::view).toList()));
    }

    BuildView view(BuildRow build) {
        BuildRequest request = transitions.requestOf(build);
        return new BuildView(build.requestId, build.integration, request.flavor(), build.repository, build.commitHash,
                request.branch(), request.tag(), request.pullRequest() == null ? null : request.pullRequest().id(),
                build.job != null ? build.job : request.job(), build.statusKey, request.reason(), request.kind(),
                build.state, build.reason, build.result, build.jenkinsUrl,
                build.queueId == null || build.jenkinsUrl == null ? null
                        : build.jenkinsUrl.replaceAll("/+$", "") + "/queue/item/" + build.queueId + "/",
                build.buildUrl, build.buildNumber, build.durationMs, who(request.requestedBy()),
                request.parameters().isEmpty() ? null : request.parameters(), build.cancelRequestedBy,
                build.cancelRequestedAt, build.cancelProblem, build.createdAt, build.updatedAt);
    }

    private static String who(Account account) {
        if (account == null) {
            return null;
        }
        return account.displayName() != null ? account.displayName()
                : account.name() != null ? account.name() : account.id();
    }
}
