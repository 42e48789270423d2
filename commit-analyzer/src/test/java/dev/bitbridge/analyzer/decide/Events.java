package dev.bitbridge.analyzer.decide;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.CommitMessage;
import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.scm.Repository;

/** Enriched events as the connector writes them, for decision tests. */
final class Events {

    static final Repository REPO = new Repository("acme/game", "game", "{1}", "https://bitbucket.org/acme/game");
    static final Repository FORK = new Repository("mallory/game", "game", "{2}", null);
    static final Account JANE = new Account("557058:jane", "{jane}", "jane", "Jane Doe", null);
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-22T10:00:00+01:00");

    private Events() {
    }

    static String hash(int n) {
        return String.format("%040x", n);
    }

    /** A push to {@code branch}: messages newest first, the first is the head. */
    static RefChangeEvent push(String branch, String... messagesNewestFirst) {
        List<String> hashes = new ArrayList<>();
        List<CommitMessage> messages = new ArrayList<>();
        for (int i = 0; i < messagesNewestFirst.length; i++) {
            hashes.add(hash(100 + messagesNewestFirst.length - i));
            messages.add(CommitMessage.of(hashes.get(i), messagesNewestFirst[i]));
        }
        return new RefChangeEvent("acme", "cloud", REPO, branch, RefChangeEvent.BRANCH, RefChangeEvent.UPDATED, false,
                hash(1), hashes.get(0), hashes, List.of(), null, JANE, AT, origin("push-1"), messages);
    }

    static RefChangeEvent tagCreated(String tag, String message) {
        return new RefChangeEvent("acme", "cloud", REPO, tag, RefChangeEvent.TAG, RefChangeEvent.CREATED, false, null,
                hash(7), List.of(), List.of(hash(7)), message, JANE, AT, origin("tag-1"), List.of());
    }

    static RefChangeEvent deleted(String branch) {
        return new RefChangeEvent("acme", "cloud", REPO, branch, RefChangeEvent.BRANCH, RefChangeEvent.DELETED, false,
                hash(1), null, List.of(), List.of(), null, JANE, AT, origin("del-1"), null);
    }

    static PullRequestEvent pullRequest(String action, String source, String target, String head, String title,
            String description) {
        return pullRequest(action, source, target, head, title, description, REPO);
    }

    static PullRequestEvent pullRequest(String action, String source, String target, String head, String title,
            String description, Repository sourceRepository) {
        return new PullRequestEvent("acme", "cloud", REPO, action, 42, title, description, "OPEN", JANE,
                new PullRequestEvent.Endpoint(source, head, sourceRepository),
                new PullRequestEvent.Endpoint(target, hash(1), REPO), null, List.of(), JANE, null, null, List.of(head),
                List.of(), false, "https://bitbucket.org/acme/game/pull-requests/42", AT, origin("pr-" + action));
    }

    static Origin origin(String id) {
        return new Origin(id, "repo:push", AT);
    }
}
