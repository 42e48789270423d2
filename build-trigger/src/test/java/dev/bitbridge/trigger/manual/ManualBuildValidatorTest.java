package dev.bitbridge.trigger.manual;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.api.ApiError.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks made before anything is asked or stored: each field, and what a missing connector changes. */
class ManualBuildValidatorTest {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void aCompleteRequestPasses() {
        assertThat(problems(request(COMMIT, "feature/GAME-12", "Games/Client", Map.of("DEPLOY", "true"), null),
                "key-1", true)).isEmpty();
        assertThat(problems(request(COMMIT.toUpperCase(), null, null, null, "datacenter"), null, false)).isEmpty();
    }

    @Test
    void withoutAConnectorACommitAndTheFlavorMustBeGiven() {
        assertThat(problems(request(null, "main", null, null, null), null, false)).extracting(FieldProblem::field)
                .containsExactly("commit", "flavor");
        assertThat(problems(request(null, "main", null, null, null), null, false).get(0).problem())
                .contains("bitbridge.trigger.connector.url", "main");
        assertThat(problems(request(null, "main", null, null, null), null, true)).isEmpty();
        assertThat(problems(request(null, null, null, null, null), null, true)).extracting(FieldProblem::field)
                .containsExactly("commit");
    }

    @Test
    void bitbridgesOwnParametersAreRefused() {
        assertThat(problems(request(COMMIT, null, null, Map.of("BITBRIDGE_REQUEST_ID", "x", "bitbridge_x", "y",
                "COMMIT", "z", "REQUESTED_BY", "mallory", "DEPLOY", "ok"), null), null, true))
                .extracting(FieldProblem::field).containsExactlyInAnyOrder("parameters.BITBRIDGE_REQUEST_ID",
                        "parameters.bitbridge_x", "parameters.COMMIT", "parameters.REQUESTED_BY");
    }

    @Test
    void branchNamesAreThoseGitAccepts() {
        for (String good : List.of("main", "feature/GAME-12", "release/1.2", "user/straße", "a-b_c")) {
            assertThat(BranchNames.problem(good)).as(good).isEmpty();
        }
        for (String bad : List.of("", "refs/heads/main", "has space", "a..b", "a~1", "x^", "a:b", "a?", "a*", "[x",
                "a\\b", "/lead", "trail/", "a//b", ".hidden", "x/.y", "x.lock", "dot.", "@", "a@{1}")) {
            assertThat(BranchNames.problem(bad)).as(bad).isPresent();
        }
    }

    @Test
    void anIdempotencyKeyIsVisibleAsciiOfBoundedLength() {
        assertThat(problems(request(COMMIT, null, null, null, null), "a".repeat(201), true))
                .extracting(FieldProblem::field).containsExactly("Idempotency-Key");
        assertThat(problems(request(COMMIT, null, null, null, null), "tab\tkey", true))
                .extracting(FieldProblem::field).containsExactly("Idempotency-Key");
    }

    @Test
    void theIdOfAKeyIsStablePerIntegrationAndAVersion5Uuid() {
        String id = ManualRequestIds.of("acme", "key-1");
        assertThat(ManualRequestIds.of("acme", "key-1")).isEqualTo(id);
        assertThat(ManualRequestIds.of("acme", "key-2")).isNotEqualTo(id);
        assertThat(ManualRequestIds.of("other", "key-1")).isNotEqualTo(id);
        assertThat(ManualRequestIds.of("ab", "c")).as("length-prefixed: no two pairs share a name")
                .isNotEqualTo(ManualRequestIds.of("a", "bc"));
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(5);
    }

    private static List<FieldProblem> problems(ManualBuildRequest request, String key, boolean connector) {
        return ManualBuildValidator.problems(request, key, connector);
    }

    private static ManualBuildRequest request(String commit, String branch, String job, Map<String, String> parameters,
            String flavor) {
        return new ManualBuildRequest("acme", "GAME/client", commit, branch, job, parameters, "alice", flavor);
    }
}
