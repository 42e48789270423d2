package dev.bitbridge.events.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildRequestIdsTest {

    private static final String INTEGRATION = "acme-cloud";
    private static final String REPOSITORY = "acme-games/particle-engine";
    private static final String COMMIT = "3c1e6a6b1f2d4e5f60718293a4b5c6d7e8f90a1b";
    private static final String JOB = "Games/Client";

    @Test
    void theSameBuildAskedForTwiceHasTheSameId() {
        assertThat(BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB, BuildRequestIds.COMMIT))
                .isEqualTo(BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB, BuildRequestIds.COMMIT));
    }

    @Test
    void anyPartThatDiffersMakesAnotherId() {
        List<String> ids = List.of(
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB, BuildRequestIds.COMMIT),
                BuildRequestIds.of("acme-dc", REPOSITORY, COMMIT, JOB, BuildRequestIds.COMMIT),
                BuildRequestIds.of(INTEGRATION, "acme-games/sandbox", COMMIT, JOB, BuildRequestIds.COMMIT),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, "9fceb02d0ae598e95dc970b74767f19372d61af8", JOB,
                        BuildRequestIds.COMMIT),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, "Games/Server", BuildRequestIds.COMMIT),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, null, BuildRequestIds.COMMIT),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB, BuildRequestIds.pullRequest(17)),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB, BuildRequestIds.pullRequest(18)),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB, BuildRequestIds.tag("v1.2.0")),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB,
                        BuildRequestIds.schedule("nightly", "2026-11-22T02:00Z")),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB,
                        BuildRequestIds.schedule("nightly", "2026-11-23T02:00Z")));

        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void partsCannotBeMovedAcrossTheirBoundaries() {
        Set<String> ids = new HashSet<>(List.of(
                BuildRequestIds.of("ab", "c", COMMIT, JOB, BuildRequestIds.COMMIT),
                BuildRequestIds.of("a", "bc", COMMIT, JOB, BuildRequestIds.COMMIT),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, "Games/Client", "x"),
                BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, "Games/Clien", "tx"),
                // a separator inside a part does not fool the length prefixes either
                BuildRequestIds.of("a", "1:b", COMMIT, JOB, BuildRequestIds.COMMIT),
                BuildRequestIds.of("a1:", "b", COMMIT, JOB, BuildRequestIds.COMMIT)));

        assertThat(ids).hasSize(6);
    }

    @Test
    void anIdIsAVersion5UuidWithTheIetfVariant() {
        for (String id : List.of(BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB, BuildRequestIds.COMMIT),
                BuildRequestIds.of("x", "y/z", "0", null, BuildRequestIds.tag("größer-🚀")))) {
            UUID uuid = UUID.fromString(id);

            assertThat(uuid.version()).isEqualTo(5);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                    + "[0-9a-f]{12}");
        }
    }

    /** RFC 9562 §5.5 computed here, independently: SHA-1 of the namespace's bytes and the name, then version and variant. */
    @Test
    void theAlgorithmIsPinnedByAVectorComputedIndependently() throws Exception {
        String name = "10:acme-cloud" + "26:acme-games/particle-engine" + "40:" + COMMIT + "12:Games/Client"
                + "6:commit";
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(HexFormat.of().parseHex("6c0f7d583f5e4a439d3c6a1b1b7e2b10"));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(hash, 0, 16);
        String expected = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);

        assertThat(BuildRequestIds.of(INTEGRATION, REPOSITORY, COMMIT, JOB, BuildRequestIds.COMMIT))
                .isEqualTo(expected)
                // Python: uuid.uuid5(uuid.UUID('6c0f7d58-3f5e-4a43-9d3c-6a1b1b7e2b10'), name)
                .isEqualTo("88fe126c-844b-5a64-8fd8-6f00c062eba9");
    }

    @Test
    void moreKnownVectors() {
        // Python's uuid.uuid5 of the same namespace and length-prefixed names: the default job is the empty part.
        assertThat(BuildRequestIds.of("acme-dc", "GAME/particle-engine", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                null, BuildRequestIds.pullRequest(8))).isEqualTo("ebee069a-df16-5908-928c-330f410f3d60");
        assertThat(BuildRequestIds.of("acme-cloud", "acme-games/spiele", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                "Spiele/Veröffentlichung", BuildRequestIds.tag("v1.2.0-größer")))
                .as("names are hashed as UTF-8").isEqualTo("a434c1bd-3766-57dc-b5f6-da545b2d50cf");
    }

    @Test
    void theKindsAreTheDocumentedOnes() {
        assertThat(BuildRequestIds.COMMIT).isEqualTo("commit");
        assertThat(BuildRequestIds.pullRequest(17)).isEqualTo("pull-request/17");
        assertThat(BuildRequestIds.tag("v1.2.0")).isEqualTo("tag/v1.2.0");
        assertThat(BuildRequestIds.schedule("nightly", "2026-11-22T02:00Z")).isEqualTo("schedule/nightly/2026-11-22T02:00Z");
    }

    @Test
    void aManualRequestsIdComesFromItsKeyAndNeverEqualsAnAutomaticOne() {
        String id = BuildRequestIds.manual("acme", "retry-7f3a");
        assertThat(BuildRequestIds.manual("acme", "retry-7f3a")).isEqualTo(id);
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(5);
        assertThat(BuildRequestIds.manual("acme", "retry-7f3b")).isNotEqualTo(id);
        assertThat(BuildRequestIds.manual("acme2", "retry-7f3a")).isNotEqualTo(id);
        // the boundary between integration and key is part of the name
        assertThat(BuildRequestIds.manual("acme:", "x")).isNotEqualTo(BuildRequestIds.manual("acme", ":x"));
        assertThat(id).isNotEqualTo(BuildRequestIds.of("acme", "", "", null, "retry-7f3a"));
    }
}
