package dev.bitbridge.bench.connector;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallsTableTest {

    @Test
    void rendersOneMarkdownRowPerScenarioWithItsVerdict() {
        String table = CallsTable.render(List.of(
                scenario("push of 50 commits", 50, 50, Map.of(CallKind.COMMITS, 1L, CallKind.FILES, 50L)),
                scenario("pull request opened", 0, 0, Map.of(CallKind.PR_COMMITS, 1L, CallKind.PR_FILES, 1L,
                        CallKind.PR_FILES_REDIRECTED, 1L))));

        List<String> lines = table.lines().toList();
        assertEquals(CallsTable.HEADER, lines.get(0));
        assertEquals(CallsTable.RULE, lines.get(1));
        assertEquals("| push of 50 commits | 1 | 50 | 1 | 50 | 0 | 0 | 0 | 0 | 0 | 51 | met | 20 |", lines.get(2));
        assertEquals("| pull request opened | 1 | 0 | 0 | 0 | 0 | 1 | 1 (+1 redirect) | 0 | 0 | 3 | met | 20 |",
                lines.get(3));
        assertEquals(4, lines.size());
    }

    @Test
    void aFilesCallForASeenCommitOrASecondPerNewCommitMissesTheTarget() {
        ScenarioResult seen = scenario("fast-forward over seen commits", 0, 0, Map.of(CallKind.FILES, 1L));
        ScenarioResult twice = scenario("push of 1 commit", 1, 1, Map.of(CallKind.FILES, 2L));
        ScenarioResult fetched = scenario("push of 1 commit", 1, 1, Map.of(CallKind.FILES, 1L, CallKind.COMMIT, 1L));
        ScenarioResult fine = scenario("push of 5 commits", 5, 5, Map.of(CallKind.FILES, 5L));

        assertFalse(seen.filesTargetMet());
        assertFalse(twice.filesTargetMet());
        assertFalse(fetched.filesTargetMet());
        assertTrue(fine.filesTargetMet());
        assertFalse(CallsTable.allMet(List.of(fine, seen)));
        assertTrue(CallsTable.allMet(List.of(fine)));
        assertTrue(CallsTable.render(List.of(seen)).contains("| **NOT MET** | 20 |"));
    }

    @Test
    void saysWhenTheConnectorPublishedOtherCommitsThanTheScenarioMade() {
        String table = CallsTable.render(List.of(scenario("push of 5 commits", 5, 4, Map.of(CallKind.FILES, 4L))));

        assertTrue(table.contains("note: 'push of 5 commits' made 5 new commit(s) but the connector published 4"),
                table);
    }

    static ScenarioResult scenario(String name, int expected, long published, Map<CallKind, Long> calls) {
        return new ScenarioResult(name, 1, expected, published, 1, 0, new CallTally(calls), 20);
    }
}
