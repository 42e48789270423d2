package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.bitbridge.connector.enrichment.payload.PullRequestNotice.Action;
import dev.bitbridge.connector.enrichment.payload.RefMove.RefType;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.PullRequestEvent.Comment;
import dev.bitbridge.events.scm.PullRequestEvent.Endpoint;
import dev.bitbridge.events.scm.PullRequestEvent.Reviewer;

/**
 * Reads Data Center's {@code pr:*} events. The repository is the destination's ({@code toRef.repository}); a fork PR's
 * source repository is {@code fromRef.repository}. {@code pr:from_ref_updated} gives the previous source head in
 * {@code previousFromHash}.
 */
final class DataCenterPullRequestReader {

    private DataCenterPullRequestReader() {
    }

    static PullRequestNotice read(PathNode body, Action action) {
        PathNode pr = body.get("pullRequest").requireObject();
        Endpoint destination = endpoint(pr.get("toRef"));
        Endpoint source = endpoint(pr.get("fromRef"));
        PullRequestSnapshot snapshot = new PullRequestSnapshot(pr.get("id").requireLong(), pr.get("title").text(),
                pr.get("description").nonBlank(), pr.get("state").nonBlank(),
                DataCenterParts.account(pr.get("author").get("user")), source, destination, reviewers(pr),
                pr.get("properties").get("mergeCommit").get("id").nonBlank(), pr.link("self"),
                Dates.read(pr.get("createdDate")), Dates.read(pr.get("updatedDate")));
        Comment comment = action == Action.COMMENT_CREATED ? comment(body.get("comment")) : null;
        String previousHead = DataCenterPushReader.hash(body.get("previousFromHash"));
        OffsetDateTime occurredAt = Dates.read(body.get("date"));
        return new PullRequestNotice(action, destination.repository(), snapshot, previousHead, comment,
                DataCenterParts.account(body.get("actor")), occurredAt != null ? occurredAt : snapshot.updatedAt());
    }

    private static Endpoint endpoint(PathNode ref) {
        ref.requireObject();
        String branch = DataCenterPushReader.shortName(ref.get("id").nonBlank(), RefType.BRANCH);
        if (branch == null) {
            branch = ref.get("displayId").nonBlank();
        }
        if (branch == null) {
            throw ReadFailure.missing(ref.get("id").path());
        }
        return new Endpoint(branch, ref.get("latestCommit").nonBlank(),
                DataCenterParts.repository(ref.get("repository")));
    }

    private static List<Reviewer> reviewers(PathNode pr) {
        List<Reviewer> reviewers = new ArrayList<>();
        add(reviewers, pr.get("reviewers"), Reviewers.REVIEWER);
        add(reviewers, pr.get("participants"), Reviewers.PARTICIPANT);
        return reviewers;
    }

    private static void add(List<Reviewer> reviewers, PathNode people, String defaultRole) {
        for (PathNode person : people.items()) {
            Account account = DataCenterParts.account(person.requireObject().get("user"));
            if (account != null) {
                reviewers.add(new Reviewer(account, Reviewers.role(person.get("role").text(), defaultRole),
                        Reviewers.state(person.get("status").text(), person.get("approved").bool())));
            }
        }
    }

    private static Comment comment(PathNode comment) {
        comment.requireObject();
        return new Comment(comment.get("id").requireLong(), comment.get("text").text());
    }
}
