package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bitbridge.connector.enrichment.payload.PullRequestNotice.Action;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.PullRequestEvent.Comment;
import dev.bitbridge.events.scm.PullRequestEvent.Endpoint;
import dev.bitbridge.events.scm.PullRequestEvent.Reviewer;
import dev.bitbridge.events.scm.Repository;

/**
 * Reads Cloud's {@code pullrequest:*} events. Reviewers come from {@code reviewers} (accounts) and their state from
 * {@code participants}; participants who are not reviewers follow. Endpoint commits are Cloud's 12-character hashes.
 */
final class CloudPullRequestReader {

    private CloudPullRequestReader() {
    }

    static PullRequestNotice read(PathNode body, Action action) {
        PathNode pr = body.get("pullrequest").requireObject();
        PathNode top = body.get("repository");
        Repository repository = top.present() ? CloudParts.repository(top) : null;
        Endpoint destination = endpoint(pr.get("destination"), repository);
        Endpoint source = endpoint(pr.get("source"), destination.repository());
        if (repository == null) {
            repository = destination.repository();
        }
        PullRequestSnapshot snapshot = new PullRequestSnapshot(pr.get("id").requireLong(), pr.get("title").text(),
                pr.get("description").nonBlank(), pr.get("state").nonBlank(), CloudParts.account(pr.get("author")),
                source, destination, reviewers(pr), pr.get("merge_commit").get("hash").nonBlank(), pr.link("html"),
                Dates.read(pr.get("created_on")), Dates.read(pr.get("updated_on")));
        Comment comment = action == Action.COMMENT_CREATED ? comment(body.get("comment")) : null;
        return new PullRequestNotice(action, repository, snapshot, null, comment,
                CloudParts.account(body.get("actor")), occurredAt(body, action, snapshot));
    }

    /** @param fallback the repository when the endpoint names none */
    private static Endpoint endpoint(PathNode endpoint, Repository fallback) {
        endpoint.requireObject();
        PathNode named = endpoint.get("repository");
        Repository repository = named.present() || fallback == null ? CloudParts.repository(named) : fallback;
        return new Endpoint(endpoint.get("branch").requireObject().get("name").requireText(),
                endpoint.get("commit").get("hash").nonBlank(), repository);
    }

    private static List<Reviewer> reviewers(PathNode pr) {
        Map<String, PathNode> participants = new LinkedHashMap<>();
        for (PathNode participant : pr.get("participants").items()) {
            Account account = CloudParts.account(participant.requireObject().get("user"));
            if (account != null) {
                participants.putIfAbsent(key(account), participant);
            }
        }
        List<Reviewer> reviewers = new ArrayList<>();
        for (PathNode reviewer : pr.get("reviewers").items()) {
            Account account = CloudParts.account(reviewer);
            if (account != null) {
                PathNode participant = participants.remove(key(account));
                reviewers.add(new Reviewer(account, Reviewers.REVIEWER, participant == null ? Reviewers.NONE
                        : Reviewers.state(participant.get("state").text(), participant.get("approved").bool())));
            }
        }
        participants.forEach((key, participant) -> reviewers.add(new Reviewer(
                CloudParts.account(participant.get("user")),
                Reviewers.role(participant.get("role").text(), Reviewers.PARTICIPANT),
                Reviewers.state(participant.get("state").text(), participant.get("approved").bool()))));
        return reviewers;
    }

    private static String key(Account account) {
        return account.uuid() != null ? account.uuid() : String.valueOf(account.id());
    }

    private static Comment comment(PathNode comment) {
        comment.requireObject();
        return new Comment(comment.get("id").requireLong(), comment.get("content").get("raw").text());
    }

    private static OffsetDateTime occurredAt(PathNode body, Action action, PullRequestSnapshot snapshot) {
        OffsetDateTime said = switch (action) {
            case APPROVED, UNAPPROVED -> Dates.read(body.get("approval").get("date"));
            case CHANGES_REQUESTED -> Dates.read(body.get("changes_request").get("date"));
            case COMMENT_CREATED -> Dates.read(body.get("comment").get("created_on"));
            default -> null;
        };
        return said != null ? said : snapshot.updatedAt();
    }
}
