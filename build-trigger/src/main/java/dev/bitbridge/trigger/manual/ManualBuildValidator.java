package dev.bitbridge.trigger.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.events.build.JobPaths;
import dev.bitbridge.events.integration.IntegrationNames;

/**
 * Checks a manual build request before anything is asked or stored: every problem at once, with the field and what to
 * do. What needs the database (the Jenkins target) or the connector (the branch's head, the integration's flavor) is
 * checked after, by {@link ManualBuilds}.
 */
final class ManualBuildValidator {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_PARAMETERS = 100;
    static final int MAX_VALUE_LENGTH = 10_000;
    static final int MAX_NAME_LENGTH = 200;
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.~-]{1,128}/[A-Za-z0-9_.-]{1,128}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    /** Set by Bitbridge on every build (TargetResolver#parameters): a request may not change what is built. */
    static final Set<String> RESERVED = Set.of("COMMIT", "REPOSITORY", "BRANCH", "TAG", "PULL_REQUEST", "TASK_KEYS",
            "REQUESTED_BY", "BUILD_REASON");

    private ManualBuildValidator() {
    }

    /**
     * @param connector whether a connector is configured (to read branch heads and flavors)
     * @return every problem; empty when the request may go on
     */
    static List<FieldProblem> problems(ManualBuildRequest body, String idempotencyKey, boolean connector) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!IntegrationNames.isValid(body.integration())) {
            problems.add(new FieldProblem("integration", body.integration() == null ? "is required"
                    : "is not a valid integration name: 1-63 lower-case letters, digits and inner hyphens"));
        }
        if (body.repository() == null || !REPOSITORY.matcher(body.repository()).matches()) {
            problems.add(new FieldProblem("repository", "must be the repository's full name: workspace/slug (Cloud) or"
                    + " PROJECT/slug (Data Center)"));
        }
        if (body.commit() != null && !COMMIT.matcher(body.commit()).matches()) {
            problems.add(new FieldProblem("commit", "must be a full commit hash (40 hex digits, or 64 for SHA-256"
                    + " repositories)"));
        }
        if (body.branch() != null) {
            BranchNames.problem(body.branch()).ifPresent(p -> problems.add(new FieldProblem("branch", p)));
        }
        if (body.commit() == null && body.branch() == null) {
            problems.add(new FieldProblem("commit", "or branch is required: give the commit to build, or a branch to"
                    + " build its head, or both"));
        } else if (body.commit() == null && !connector) {
            problems.add(new FieldProblem("commit", "is required: no connector is configured"
                    + " (bitbridge.trigger.connector.url) to read the head of branch " + body.branch()));
        }
        if (body.job() != null) {
            JobPaths.problem(body.job()).ifPresent(p -> problems.add(new FieldProblem("job", p)));
        }
        if (body.parameters() != null) {
            parameters(body.parameters(), problems);
        }
        text("requestedBy", body.requestedBy(), "is required: who asks for the build (the admin token names no"
                + " person), e.g. 'alice'", problems);
        if (body.flavor() != null && !"cloud".equals(body.flavor()) && !"datacenter".equals(body.flavor())) {
            problems.add(new FieldProblem("flavor", "must be 'cloud' or 'datacenter'"));
        } else if (body.flavor() == null && !connector) {
            problems.add(new FieldProblem("flavor", "is required: no connector is configured"
                    + " (bitbridge.trigger.connector.url) to say the integration's flavor; give 'cloud' or"
                    + " 'datacenter'"));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_NAME_LENGTH
                || !idempotencyKey.chars().allMatch(c -> c > ' ' && c < 0x7f))) {
            problems.add(new FieldProblem(IDEMPOTENCY_KEY, "must be 1-" + MAX_NAME_LENGTH + " visible ASCII"
                    + " characters, e.g. a UUID the client made for this build"));
        }
        return problems;
    }

    /** @return problems of a cancel's body */
    static List<FieldProblem> problems(CancelRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        text("requestedBy", body.requestedBy(), "is required: who cancels the build, e.g. 'alice'", problems);
        return problems;
    }

    private static void parameters(Map<String, String> parameters, List<FieldProblem> problems) {
        if (parameters.size() > MAX_PARAMETERS) {
            problems.add(new FieldProblem("parameters", "has more than " + MAX_PARAMETERS + " entries"));
            return;
        }
        parameters.forEach((name, value) -> {
            String field = "parameters." + name;
            if (!PARAMETER.matcher(name).matches()) {
                problems.add(new FieldProblem(field, "is not a usable Jenkins parameter name: letters, digits, '_',"
                        + " '.' and '-', starting with a letter or '_'"));
            } else if (name.toUpperCase(Locale.ROOT).startsWith("BITBRIDGE_") || RESERVED.contains(name)) {
                problems.add(new FieldProblem(field, "is set by Bitbridge on every build (BITBRIDGE_*, "
                        + String.join(", ", RESERVED.stream().sorted().toList()) + "): give the commit, branch or"
                        + " requestedBy fields instead, or another parameter name"));
            } else if (value == null) {
                problems.add(new FieldProblem(field, "has no value: give a string (\"\" for an empty one)"));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(new FieldProblem(field, "is longer than " + MAX_VALUE_LENGTH + " characters"));
            }
        });
    }

    private static void text(String field, String value, String missing, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, missing));
        } else if (value.length() > MAX_NAME_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_NAME_LENGTH + " characters, without"
                    + " control characters"));
        }
    }
}
