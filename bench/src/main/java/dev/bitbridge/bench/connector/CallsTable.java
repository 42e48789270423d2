package dev.bitbridge.bench.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Phase A's results as a Markdown table, as they go into {@code docs/benchmarks.md}. "ms to output" is from publishing
 * the scenario's raw records, one at a time into an idle pipeline, until the enrichment's group committed past them and
 * their outputs were read back.
 */
public final class CallsTable {

    static final String HEADER = "| scenario | raw events | new commits | commits | diffstat/{hash} | refs/branches "
            + "| PR commits | PR diffstat | commit/{hash} | other | total | files target | ms to output |";
    static final String RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|";

    private CallsTable() {
    }

    /** @return the table, one row per scenario, and a line per scenario whose output was not as expected */
    public static String render(List<ScenarioResult> scenarios) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(RULE);
        List<String> surprises = new ArrayList<>();
        for (ScenarioResult s : scenarios) {
            CallTally c = s.calls();
            long redirected = c.get(CallKind.PR_FILES_REDIRECTED);
            String prFiles = c.get(CallKind.PR_FILES) + (redirected > 0 ? " (+" + redirected + " redirect)" : "");
            long prOther = c.get(CallKind.PULL_REQUEST);
            String other = c.get(CallKind.OTHER) + (prOther > 0 ? " (+" + prOther + " pullrequests/{id})" : "");
            lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s | %d | %s | %d | %s | %,d |",
                    s.name(), s.rawEvents(), s.publishedNewCommits(), c.get(CallKind.COMMITS),
                    c.get(CallKind.FILES), c.get(CallKind.BRANCHES), c.get(CallKind.PR_COMMITS), prFiles,
                    c.get(CallKind.COMMIT), other, c.total(), s.filesTargetMet() ? "met" : "**NOT MET**", s.millis()));
            if (!s.commitsAsExpected()) {
                surprises.add(String.format(Locale.ROOT, "  note: '%s' made %d new commit(s) but the connector "
                        + "published %d", s.name(), s.expectedNewCommits(), s.publishedNewCommits()));
            }
        }
        lines.addAll(surprises);
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /** @return whether every scenario met the files target */
    public static boolean allMet(List<ScenarioResult> scenarios) {
        return !scenarios.isEmpty() && scenarios.stream().allMatch(ScenarioResult::filesTargetMet);
    }
}
