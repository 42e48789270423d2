package dev.bitbridge.bench.connector;

/**
 * What one scenario of phase A cost: the raw events it delivered, the commits the connector published as new, and
 * the Bitbucket requests it made meanwhile.
 *
 * @param name what happened, e.g. {@code push of 1 commit}
 * @param rawEvents raw webhooks the scenario delivered (and the harness published)
 * @param expectedNewCommits commits new to the repository that the scenario made
 * @param publishedNewCommits commit records the connector published for these raw events
 * @param refEvents ref records published for them
 * @param pullRequestEvents pull-request records published for them
 * @param calls the requests Bitbucket answered between publishing and the outputs' commit
 * @param millis from publishing the first raw record to its outputs being read back
 */
public record ScenarioResult(String name, int rawEvents, int expectedNewCommits, long publishedNewCommits,
        long refEvents, long pullRequestEvents, CallTally calls, long millis) {

    /** @return at most one files call per new commit, no files call and no single-commit fetch for seen commits */
    public boolean filesTargetMet() {
        long files = calls.get(CallKind.FILES);
        return files <= publishedNewCommits && calls.get(CallKind.COMMIT) == 0
                && (expectedNewCommits > 0 || files == 0);
    }

    /** @return whether the connector published exactly the commits the scenario made */
    public boolean commitsAsExpected() {
        return publishedNewCommits == expectedNewCommits;
    }

    /** @return files calls per new commit, or 0 when there was none */
    public double filesPerNewCommit() {
        return publishedNewCommits == 0 ? 0 : (double) calls.get(CallKind.FILES) / publishedNewCommits;
    }
}
