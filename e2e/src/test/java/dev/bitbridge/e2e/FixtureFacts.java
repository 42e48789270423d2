package dev.bitbridge.e2e;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.Seeded;

/**
 * What one real webhook must give end to end, read from the payload's own facts (and, for Cloud's 12-character
 * hashes, the full hashes the simulator seeded for them), under the settings {@link FixturesIT} gives every fixture
 * repository: one {@code trigger: always} rule for pushes, created tags and opened or updated pull requests on every
 * branch, and the task-key projects {@link FixturesIT#PROJECT_KEYS}.
 * <ul>
 * <li>A branch created or updated: one build at its new head, on that branch; a created branch links the keys in
 * its name to its head; a tag created: one build at the tag; a deleted ref: nothing.</li>
 * <li>A pull request opened or updated (open, not from a fork): one build at its source head, on its source branch,
 * for that pull request; the keys of its title, description and source branch linked to that head and pull
 * request.</li>
 * <li>Any other pull-request event (merged, declined, commented, approved): nothing but its enriched event.</li>
 * <li>Bitbucket's echo of a status: skipped by the connector, with the reason given.</li>
 * <li>A Data Center ping ("Test connection"): answered {@code pong} by the ingress, which stores nothing.</li>
 * </ul>
 * Keys in the listed commits' messages are linked to their commits too (none of the fixtures has any).
 *
 * @param builds the builds, in payload order
 * @param links the task links
 * @param pullRequestAction the action of the enriched pull-request event, or null for a push or a skipped event
 * @param skipReason the connector's reason for skipping the event, or null when it is enriched
 * @param ping whether the ingress answers the event itself
 */
record FixtureFacts(List<Build> builds, List<Link> links, String pullRequestAction, String skipReason,
        boolean ping) {

    /**
     * @param commit the full hash built
     * @param branch the branch, or null for a tag
     * @param tag the tag, or null for a branch
     * @param pullRequest the pull request's id, or null for a push
     * @param taskKeys the keys the build request carries
     */
    record Build(String commit, String branch, String tag, Long pullRequest, List<String> taskKeys) {
    }

    /** @param pullRequest the pull request's id, or null for a commit's or a branch's key */
    record Link(String key, String commit, Long pullRequest) {
    }

    private static final Map<String, String> CLOUD_ACTIONS = Map.of("pullrequest:created", "opened",
            "pullrequest:updated", "updated", "pullrequest:fulfilled", "merged", "pullrequest:rejected", "declined",
            "pullrequest:comment_created", "comment_created", "pullrequest:approved", "approved");
    private static final Map<String, String> DC_ACTIONS = Map.of("pr:opened", "opened", "pr:from_ref_updated",
            "updated", "pr:merged", "merged", "pr:declined", "declined");
    static final String PING = "diagnostics:ping";

    static FixtureFacts of(Flavor flavor, String eventKey, JsonNode body, Seeded seeded, List<String> projects) {
        if (eventKey.equals(PING)) {
            return new FixtureFacts(List.of(), List.of(), null, null, true);
        }
        if (eventKey.equals("repo:commit_status_created")) {
            return new FixtureFacts(List.of(), List.of(), null, "skipped:own_status_echo", false);
        }
        Keys keys = new Keys(projects);
        if (flavor == Flavor.CLOUD) {
            return eventKey.equals("repo:push") ? cloudPush(body, keys)
                    : cloudPullRequest(CLOUD_ACTIONS.get(eventKey), body, seeded, keys);
        }
        return eventKey.equals("repo:refs_changed") ? dataCenterPush(body, keys)
                : dataCenterPullRequest(DC_ACTIONS.get(eventKey), body, keys);
    }

    private static FixtureFacts cloudPush(JsonNode body, Keys keys) {
        List<Build> builds = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (JsonNode change : body.path("push").path("changes")) {
            JsonNode now = change.path("new");
            if (now.isMissingNode() || now.isNull()) {
                continue; // deleted
            }
            boolean created = change.path("old").isMissingNode() || change.path("old").isNull();
            List<String> messages = new ArrayList<>();
            for (JsonNode commit : change.path("commits")) {
                messages.add(commit.path("message").asText());
                keys.inText(commit.path("message").asText())
                        .forEach(k -> links.add(new Link(k, commit.path("hash").asText(), null)));
            }
            ref(now.path("type").asText().equals("tag"), created, now.path("name").asText(),
                    now.path("target").path("hash").asText(), messages, keys, builds, links);
        }
        return new FixtureFacts(builds, links, null, null, false);
    }

    private static FixtureFacts dataCenterPush(JsonNode body, Keys keys) {
        List<Build> builds = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (JsonNode commit : body.path("commits")) {
            messages.add(commit.path("message").asText());
            keys.inText(commit.path("message").asText())
                    .forEach(k -> links.add(new Link(k, commit.path("id").asText(), null)));
        }
        for (JsonNode change : body.path("changes")) {
            String type = change.path("type").asText();
            if (type.equals("DELETE")) {
                continue;
            }
            ref(change.path("ref").path("type").asText().equals("TAG"), type.equals("ADD"),
                    change.path("ref").path("displayId").asText(), change.path("toHash").asText(), messages, keys,
                    builds, links);
        }
        return new FixtureFacts(builds, links, null, null, false);
    }

    /** A ref created or moved: a tag builds only when created; a created branch links the keys in its name. */
    private static void ref(boolean tag, boolean created, String name, String head, List<String> messages, Keys keys,
            List<Build> builds, List<Link> links) {
        if (tag) {
            if (created) {
                builds.add(new Build(head, null, name, null, List.of()));
            }
            return;
        }
        Set<String> taskKeys = new LinkedHashSet<>(keys.inBranch(name));
        messages.forEach(m -> taskKeys.addAll(keys.inText(m)));
        builds.add(new Build(head, name, null, null, List.copyOf(taskKeys)));
        if (created) {
            keys.inBranch(name).forEach(k -> links.add(new Link(k, head, null)));
        }
    }

    private static FixtureFacts cloudPullRequest(String action, JsonNode body, Seeded seeded, Keys keys) {
        JsonNode pr = body.path("pullrequest");
        JsonNode source = pr.path("source");
        boolean sameRepository = source.path("repository").path("full_name").asText()
                .equals(body.path("repository").path("full_name").asText());
        return pullRequest(action, pr.path("state").asText().equals("OPEN") && sameRepository, pr.path("id").asLong(),
                seeded.full(source.path("commit").path("hash").asText()), source.path("branch").path("name").asText(),
                pr.path("title").asText(""), pr.path("description").asText(""), keys);
    }

    private static FixtureFacts dataCenterPullRequest(String action, JsonNode body, Keys keys) {
        JsonNode pr = body.path("pullRequest");
        JsonNode from = pr.path("fromRef");
        boolean sameRepository = repository(from).equals(repository(pr.path("toRef")));
        return pullRequest(action, pr.path("state").asText().equals("OPEN") && sameRepository, pr.path("id").asLong(),
                from.path("latestCommit").asText(), from.path("displayId").asText(), pr.path("title").asText(""),
                pr.path("description").asText(""), keys);
    }

    private static FixtureFacts pullRequest(String action, boolean openHere, long id, String head, String branch,
            String title, String description, Keys keys) {
        if (!openHere || !(action.equals("opened") || action.equals("updated"))) {
            return new FixtureFacts(List.of(), List.of(), action, null, false);
        }
        Set<String> taskKeys = new LinkedHashSet<>(keys.inText(title));
        taskKeys.addAll(keys.inText(description));
        taskKeys.addAll(keys.inBranch(branch));
        List<Link> links = taskKeys.stream().map(k -> new Link(k, head, id)).toList();
        return new FixtureFacts(List.of(new Build(head, branch, null, id, List.copyOf(taskKeys))), links, action,
                null, false);
    }

    private static String repository(JsonNode ref) {
        return ref.path("repository").path("project").path("key").asText() + "/"
                + ref.path("repository").path("slug").asText();
    }

    /**
     * Task keys of the given projects as the analyzer documents them: standing on their own, upper case in text, any
     * case in a branch name, each once in order of appearance.
     */
    private static final class Keys {

        private final Pattern text;
        private final Pattern branch;

        Keys(List<String> projects) {
            String regex = "(?<![A-Za-z0-9_-])(" + String.join("|", projects) + ")-([1-9][0-9]{0,9})(?![A-Za-z0-9_])";
            this.text = Pattern.compile(regex);
            this.branch = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        }

        List<String> inText(String value) {
            return find(text, value);
        }

        List<String> inBranch(String value) {
            return find(branch, value);
        }

        private static List<String> find(Pattern pattern, String value) {
            Set<String> found = new LinkedHashSet<>();
            Matcher matcher = pattern.matcher(value);
            while (matcher.find()) {
                found.add(matcher.group(1).toUpperCase(Locale.ROOT) + "-" + matcher.group(2));
            }
            return List.copyOf(found);
        }
    }
}
