package dev.bitbridge.testkit.bitbucket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.testkit.bitbucket.Seeding.CommitSpec;
import dev.bitbridge.testkit.bitbucket.Seeding.PullRequestSpec;
import dev.bitbridge.testkit.bitbucket.Seeding.ReviewerSpec;
import dev.bitbridge.testkit.bitbucket.http.Json;

/**
 * Reads a real webhook body and seeds what it describes (see {@link BitbucketSimulator#seedFrom}). Facts the payload
 * states are taken as they are; what it leaves open is filled in by the rules documented there.
 */
final class PayloadSeeder {

    private static final Pattern RAW_PERSON = Pattern.compile("^\\s*(.*?)\\s*<([^<>]*)>\\s*$", Pattern.DOTALL);
    private static final DateTimeFormatter COLONLESS_OFFSET = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HHmm", "Z")
            .toFormatter(Locale.ROOT);
    private static final String ZERO = "0000000000000000000000000000000000000000";
    /** How much older than what names it a placeholder commit is dated. */
    private static final long PLACEHOLDER_GAP_SECONDS = 60;

    private final Seeding seed;
    private final Flavor flavor;

    PayloadSeeder(Seeding seed, Flavor flavor) {
        this.seed = seed;
        this.flavor = flavor;
    }

    Seeded seed(String eventKey, byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a JSON webhook body: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Not a JSON object: "
                    + new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8));
        }
        String key = eventKey == null ? "" : eventKey.trim().toLowerCase(Locale.ROOT);
        Run run = new Run();
        if (flavor == Flavor.CLOUD) {
            cloud(key, root, run);
        } else {
            dataCenter(key, root, run);
        }
        return run.result();
    }

    // --- Bitbucket Cloud ---

    private void cloud(String key, JsonNode root, Run run) {
        if (key.equals("repo:push")) {
            cloudPush(root, run);
        } else if (key.startsWith("pullrequest:")) {
            cloudPullRequest(root, run);
        } else if (root.path("repository").isObject()) {
            run.repo = cloudRepository(root.path("repository"));
            JsonNode status = root.path("commit_status");
            if (status.path("commit").isObject()) {
                // A status names its commit (described) and the ref built; the ref is made only when missing.
                CommitSpec commit = cloudCommit(status.path("commit"), null);
                run.describe(commit);
                run.ensure(run.repo, commit.hash(), null);
                String refName = text(status.path("refname"));
                if (refName != null && seed.branchHead(run.repo, refName) == null) {
                    seed.branch(run.repo, refName, commit.hash());
                    run.refs.put("refs/heads/" + refName, commit.hash());
                }
            }
        }
    }

    private void cloudPush(JsonNode root, Run run) {
        RepoRef repo = cloudRepository(root.path("repository"));
        run.repo = repo;
        List<JsonNode> changes = new ArrayList<>();
        root.path("push").path("changes").forEach(changes::add);
        for (JsonNode change : changes) {
            for (String side : List.of("old", "new")) {
                if (change.path(side).path("target").isObject()) {
                    run.describe(cloudCommit(change.path(side).path("target"), null));
                }
            }
            change.path("commits").forEach(c -> run.describe(cloudCommit(c, null)));
        }
        run.ensureDescribed(repo);
        for (JsonNode change : changes) {
            JsonNode after = change.path("new");
            JsonNode before = change.path("old");
            JsonNode ref = after.isObject() ? after : before;
            boolean tag = !"branch".equals(ref.path("type").asText());
            String name = ref.path("name").asText();
            String full = (tag ? "refs/tags/" : "refs/heads/") + name;
            if (after.isObject()) {
                String hash = after.path("target").path("hash").asText();
                if (tag) {
                    seed.tag(repo, name, hash);
                } else {
                    seed.branch(repo, name, hash);
                }
                run.refs.put(full, hash);
            } else if (before.isObject()) {
                if (tag) {
                    seed.deleteTag(repo, name);
                } else {
                    seed.deleteBranch(repo, name);
                }
                run.refs.put(full, null);
            }
        }
    }

    private void cloudPullRequest(JsonNode root, Run run) {
        JsonNode pr = root.path("pullrequest");
        JsonNode top = root.path("repository");
        JsonNode destinationNode = pr.path("destination");
        JsonNode sourceNode = pr.path("source");
        RepoRef destination = cloudEndpointRepository(destinationNode.path("repository"), top, null);
        RepoRef source = cloudEndpointRepository(sourceNode.path("repository"), top, destination);
        run.repo = destination;
        Account author = cloudAccount(pr.path("author"));
        Account actor = cloudAccount(root.path("actor"));
        Instant created = instant(pr.path("created_on"), Instant.EPOCH);
        Instant updated = instant(pr.path("updated_on"), created);
        String state = pr.path("state").asText("OPEN").toUpperCase(Locale.ROOT);
        Account closedBy = cloudAccount(pr.path("closed_by"));
        Account who = author != null ? author : actor;

        String destinationHash = run.full(destination, text(destinationNode.path("commit").path("hash")));
        String sourceHash = run.full(source, text(sourceNode.path("commit").path("hash")));
        String mergeHash = run.full(destination, text(pr.path("merge_commit").path("hash")));
        pullRequestCommits(run, destination, source, destinationHash, null, sourceHash, mergeHash, who,
                closedBy != null ? closedBy : who, created, updated);

        String sourceBranch = sourceNode.path("branch").path("name").asText();
        String destinationBranch = destinationNode.path("branch").path("name").asText();
        pullRequestBranches(run, destination, source, sourceBranch, sourceHash, destinationBranch, destinationHash,
                "MERGED".equals(state) ? mergeHash : null);

        Map<Account, ReviewerSpec> reviewers = new LinkedHashMap<>();
        Set<Account> named = new LinkedHashSet<>();
        pr.path("reviewers").forEach(r -> {
            Account reviewer = cloudAccount(r);
            if (reviewer != null) {
                named.add(reviewer);
            }
        });
        for (JsonNode p : pr.path("participants")) {
            Account account = cloudAccount(p.path("user"));
            if (account != null) {
                String role = named.contains(account) ? "REVIEWER" : p.path("role").asText("PARTICIPANT");
                reviewers.put(account, new ReviewerSpec(account, role.toUpperCase(Locale.ROOT),
                        status(p.path("state").asText(null), p.path("approved").asBoolean(false)),
                        instant(p.path("participated_on"), null)));
            }
        }
        named.stream().filter(a -> !reviewers.containsKey(a))
                .forEach(a -> reviewers.put(a, new ReviewerSpec(a, "REVIEWER", "UNAPPROVED", null)));
        run.pullRequest = seed.pullRequest(new PullRequestSpec(destination, pr.path("id").asInt(), source,
                sourceBranch, destinationBranch, pr.path("title").asText(""), pr.path("description").asText(""),
                state, who, new ArrayList<>(reviewers.values()), created, updated, 0,
                "MERGED".equals(state) ? mergeHash : null, "OPEN".equals(state) ? null : closedBy));
    }

    /**
     * @param destination {@code null} when reading the destination (then the top-level repository, which Cloud
     *        describes more fully, is used for it), else the destination
     * @return the endpoint's repository, seeded; a source repository other than the destination is a fork of it
     */
    private RepoRef cloudEndpointRepository(JsonNode named, JsonNode top, RepoRef destination) {
        String fullName = text(named.path("full_name"));
        if (destination == null) {
            boolean topIsIt = top.isObject() && (fullName == null || fullName.equals(text(top.path("full_name"))));
            return cloudRepository(topIsIt ? top : named);
        }
        if (fullName == null || fullName.equals(destination.fullName())) {
            return destination;
        }
        return seed.fork(destination, refOf(fullName), text(named.path("uuid")), null);
    }

    private RepoRef cloudRepository(JsonNode repository) {
        String fullName = text(repository.path("full_name"));
        if (fullName == null) {
            throw new IllegalArgumentException("The payload names no repository (repository.full_name)");
        }
        RepoRef repo = refOf(fullName);
        JsonNode workspace = repository.path("workspace");
        JsonNode owner = repository.path("owner");
        String uuid = text(workspace.path("uuid"));
        String name = text(workspace.path("name"));
        seed.owner(repo.owner(), name != null ? name : firstText(owner.path("display_name"), owner.path("username")),
                uuid != null ? uuid : text(owner.path("uuid")), null);
        return seed.repository(repo, text(repository.path("uuid")), null);
    }

    /** @param fallbackDate the date when the commit has none */
    private CommitSpec cloudCommit(JsonNode commit, OffsetDateTime fallbackDate) {
        String hash = commit.path("hash").asText();
        OffsetDateTime date = date(commit.path("date"));
        if (date == null) {
            date = fallbackDate != null ? fallbackDate : OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
        }
        JsonNode authorNode = commit.path("author");
        String raw = text(authorNode.path("raw"));
        String gitName = null;
        String email = null;
        if (raw != null) {
            Matcher parts = RAW_PERSON.matcher(raw);
            if (parts.matches()) {
                gitName = parts.group(1);
                email = parts.group(2).trim();
            } else {
                gitName = raw.trim();
            }
        }
        boolean linked = authorNode.path("user").isObject();
        Account author = linked ? cloudAccount(authorNode.path("user"), email)
                : unlinked(gitName != null ? gitName : "unknown", email);
        List<String> parents = new ArrayList<>();
        commit.path("parents").forEach(p -> parents.add(p.path("hash").asText()));
        String message = firstText(commit.path("message"), commit.path("summary").path("raw"));
        return new CommitSpec(hash, parents, message == null ? "" : message, author, linked, date, author, date,
                null);
    }

    private Account cloudAccount(JsonNode user) {
        return cloudAccount(user, null);
    }

    /** @param email the e-mail git recorded, when known (Cloud shows none for accounts) */
    private Account cloudAccount(JsonNode user, String email) {
        if (!user.isObject()) {
            return null;
        }
        String displayName = text(user.path("display_name"));
        String name = firstText(user.path("nickname"), user.path("username"), user.path("display_name"));
        if (name == null) {
            return null;
        }
        String uuid = text(user.path("uuid"));
        if (uuid == null) {
            uuid = "{" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "}";
        }
        String accountId = text(user.path("account_id"));
        Account account = new Account(name, displayName != null ? displayName : name,
                email != null ? email : placeholderEmail(name), uuid, accountId != null ? accountId : uuid, 0);
        seed.account(account);
        return account;
    }

    // --- Bitbucket Data Center ---

    private void dataCenter(String key, JsonNode root, Run run) {
        if (key.equals("repo:refs_changed")) {
            dataCenterPush(root, run);
        } else if (key.startsWith("pr:")) {
            dataCenterPullRequest(root, run);
        } else if (root.path("repository").isObject()) {
            run.repo = dcRepository(root.path("repository"));
        }
    }

    private void dataCenterPush(JsonNode root, Run run) {
        RepoRef repo = dcRepository(root.path("repository"));
        run.repo = repo;
        Account actor = dcUser(root.path("actor"));
        OffsetDateTime date = date(root.path("date"));
        if (date == null) {
            date = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
        }
        root.path("commits").forEach(c -> run.describe(dcCommit(c)));
        if (root.path("toCommit").isObject()) {
            run.describe(dcCommit(root.path("toCommit")));
        }
        List<JsonNode> changes = new ArrayList<>();
        root.path("changes").forEach(changes::add);
        for (JsonNode change : changes) {
            String from = hash(change.path("fromHash"));
            if (from != null) {
                run.ensure(repo, from, placeholder(from, List.of(), actor, date.minusSeconds(PLACEHOLDER_GAP_SECONDS),
                        "the old head of " + refName(change)));
            }
        }
        run.ensureDescribed(repo);
        for (JsonNode change : changes) {
            String from = hash(change.path("fromHash"));
            String to = hash(change.path("toHash"));
            String type = change.path("type").asText("").toUpperCase(Locale.ROOT);
            boolean delete = to == null || type.equals("DELETE");
            boolean tag = "TAG".equalsIgnoreCase(change.path("ref").path("type").asText())
                    || refId(change).startsWith("refs/tags/");
            String name = refName(change);
            String full = (tag ? "refs/tags/" : "refs/heads/") + name;
            if (delete) {
                if (tag) {
                    seed.deleteTag(repo, name);
                } else {
                    seed.deleteBranch(repo, name);
                }
                run.refs.put(full, null);
                continue;
            }
            // An update whose new head the payload does not describe is taken as a fast-forward by that one commit.
            List<String> parents = from != null && !type.equals("ADD") ? List.of(from) : List.of();
            run.ensure(repo, to, placeholder(to, parents, actor, date, "the new head of " + name));
            if (tag) {
                seed.tag(repo, name, to);
            } else {
                seed.branch(repo, name, to);
            }
            run.refs.put(full, to);
        }
    }

    private void dataCenterPullRequest(JsonNode root, Run run) {
        JsonNode pr = root.path("pullRequest");
        JsonNode toRef = pr.path("toRef");
        JsonNode fromRef = pr.path("fromRef");
        RepoRef destination = dcRepository(toRef.path("repository"));
        RepoRef sourceNamed = dcRepositoryName(fromRef.path("repository"));
        RepoRef source = sourceNamed == null || sourceNamed.equals(destination) ? destination
                : seed.fork(destination, sourceNamed, null, longOrNull(fromRef.path("repository").path("id")));
        run.repo = destination;
        Account author = dcUser(pr.path("author").path("user"));
        Account actor = dcUser(root.path("actor"));
        Account who = author != null ? author : actor;
        Instant created = instant(pr.path("createdDate"), Instant.EPOCH);
        Instant updated = instant(pr.path("updatedDate"), created);
        String state = pr.path("state").asText("OPEN").toUpperCase(Locale.ROOT);

        String destinationHash = hash(toRef.path("latestCommit"));
        String sourceHash = hash(fromRef.path("latestCommit"));
        String previous = hash(root.path("previousFromHash"));
        String mergeHash = hash(pr.path("properties").path("mergeCommit").path("id"));
        pullRequestCommits(run, destination, source, destinationHash, previous, sourceHash, mergeHash, who,
                actor != null ? actor : who, created, updated);

        String sourceBranch = branchName(fromRef);
        String destinationBranch = branchName(toRef);
        pullRequestBranches(run, destination, source, sourceBranch, sourceHash, destinationBranch, destinationHash,
                "MERGED".equals(state) ? mergeHash : null);

        List<ReviewerSpec> reviewers = new ArrayList<>();
        for (String list : List.of("reviewers", "participants")) {
            for (JsonNode p : pr.path(list)) {
                Account account = dcUser(p.path("user"));
                if (account != null) {
                    reviewers.add(new ReviewerSpec(account, p.path("role").asText(list.equals("reviewers")
                            ? "REVIEWER"
                            : "PARTICIPANT").toUpperCase(Locale.ROOT),
                            status(p.path("status").asText(null), p.path("approved").asBoolean(false)), null));
                }
            }
        }
        run.pullRequest = seed.pullRequest(new PullRequestSpec(destination, pr.path("id").asInt(), source,
                sourceBranch, destinationBranch, pr.path("title").asText(""), pr.path("description").asText(""),
                state, who, reviewers, created, updated, pr.path("version").asInt(0),
                "MERGED".equals(state) ? mergeHash : null, "OPEN".equals(state) ? null : actor));
    }

    private RepoRef dcRepository(JsonNode repository) {
        RepoRef repo = dcRepositoryName(repository);
        if (repo == null) {
            throw new IllegalArgumentException("The payload names no repository (repository.project.key, .slug)");
        }
        JsonNode project = repository.path("project");
        seed.owner(repo.owner(), text(project.path("name")), null, longOrNull(project.path("id")));
        return seed.repository(repo, null, longOrNull(repository.path("id")));
    }

    private static RepoRef dcRepositoryName(JsonNode repository) {
        String key = text(repository.path("project").path("key"));
        String slug = text(repository.path("slug"));
        return key == null || slug == null ? null : new RepoRef(key, slug);
    }

    private CommitSpec dcCommit(JsonNode commit) {
        List<String> parents = new ArrayList<>();
        commit.path("parents").forEach(p -> parents.add(p.path("id").asText()));
        JsonNode authorNode = commit.path("author");
        boolean linked = authorNode.has("id") || authorNode.has("slug");
        Account author = dcPerson(authorNode);
        Account committer = commit.path("committer").isObject() ? dcPerson(commit.path("committer")) : author;
        OffsetDateTime authored = date(commit.path("authorTimestamp"));
        OffsetDateTime committed = date(commit.path("committerTimestamp"));
        if (authored == null) {
            authored = committed != null ? committed : OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
        }
        return new CommitSpec(commit.path("id").asText(), parents, commit.path("message").asText(""), author, linked,
                authored, committer, committed != null ? committed : authored, null);
    }

    /** A commit author: a user when Data Center matched one ({@code id} or {@code slug}), else git's name and e-mail. */
    private Account dcPerson(JsonNode person) {
        if (person.has("id") || person.has("slug")) {
            return dcUser(person);
        }
        return unlinked(person.path("name").asText("unknown"), text(person.path("emailAddress")));
    }

    private Account dcUser(JsonNode user) {
        if (!user.isObject()) {
            return null;
        }
        String name = firstText(user.path("slug"), user.path("name"));
        if (name == null) {
            return null;
        }
        String email = text(user.path("emailAddress"));
        Account account = new Account(name, firstText(user.path("displayName"), user.path("name")),
                email != null ? email : placeholderEmail(name), null, null, user.path("id").asLong(0));
        seed.account(account);
        return account;
    }

    private static String branchName(JsonNode ref) {
        String id = text(ref.path("id"));
        if (id != null && id.startsWith("refs/heads/")) {
            return id.substring("refs/heads/".length());
        }
        return firstText(ref.path("displayId"), ref.path("id"));
    }

    private static String refId(JsonNode change) {
        String id = firstText(change.path("ref").path("id"), change.path("refId"));
        return id == null ? "" : id;
    }

    private static String refName(JsonNode change) {
        String id = refId(change);
        for (String prefix : List.of("refs/heads/", "refs/tags/")) {
            if (id.startsWith(prefix)) {
                return id.substring(prefix.length());
            }
        }
        String display = text(change.path("ref").path("displayId"));
        return display != null ? display : id;
    }

    /** @return the hash, or {@code null} when absent, empty or all zeros */
    private static String hash(JsonNode node) {
        String hash = text(node);
        return hash == null || hash.equals(ZERO) || hash.chars().allMatch(c -> c == '0') ? null : hash;
    }

    // --- Pull requests, either flavor ---

    /**
     * Seeds a pull request's commits. What a payload names without describing: the destination's commit is a plain
     * commit without parents; the source head is a child of the destination's commit (the branch was made from it),
     * or of the previous head when Data Center gives it ({@code previousFromHash}, itself a child of the destination's
     * commit); the merge commit merges the source head into the destination's commit.
     */
    private void pullRequestCommits(Run run, RepoRef destination, RepoRef source, String destinationHash,
            String previous, String sourceHash, String mergeHash, Account author, Account merger, Instant created,
            Instant updated) {
        OffsetDateTime opened = created.atOffset(ZoneOffset.UTC);
        if (destinationHash != null) {
            run.ensure(destination, destinationHash, placeholder(destinationHash, List.of(), author,
                    opened.minusSeconds(PLACEHOLDER_GAP_SECONDS), "the pull request's destination"));
            if (!source.equals(destination)) {
                seed.fetch(source, destination, destinationHash);
            }
        }
        List<String> base = destinationHash == null ? List.of() : List.of(destinationHash);
        if (previous != null) {
            run.ensure(source, previous, placeholder(previous, base, author, opened, "the pull request's"
                    + " previous head"));
        }
        if (sourceHash != null) {
            run.ensure(source, sourceHash, placeholder(sourceHash, previous != null ? List.of(previous) : base,
                    author, previous != null ? updated.atOffset(ZoneOffset.UTC) : opened, "the pull request's head"));
        }
        if (mergeHash != null) {
            List<String> parents = new ArrayList<>(base);
            if (sourceHash != null) {
                if (!source.equals(destination)) {
                    seed.fetch(destination, source, sourceHash);
                }
                parents.add(sourceHash);
            }
            run.ensure(destination, mergeHash, placeholder(mergeHash, parents, merger,
                    updated.atOffset(ZoneOffset.UTC), "the pull request's merge commit"));
        }
    }

    private void pullRequestBranches(Run run, RepoRef destination, RepoRef source, String sourceBranch,
            String sourceHash, String destinationBranch, String destinationHash, String mergeHash) {
        if (sourceHash != null) {
            seed.branch(source, sourceBranch, sourceHash);
            if (source.equals(destination)) {
                run.refs.put("refs/heads/" + sourceBranch, sourceHash);
            }
        }
        String destinationHead = mergeHash != null ? mergeHash : destinationHash;
        if (destinationHead != null) {
            seed.branch(destination, destinationBranch, destinationHead);
            run.refs.put("refs/heads/" + destinationBranch, destinationHead);
        }
    }

    /** Cloud {@code state} / Data Center {@code status} as the model's status. */
    private static String status(String state, boolean approved) {
        String value = state == null ? "" : state.trim().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "APPROVED" -> "APPROVED";
            case "CHANGES_REQUESTED", "NEEDS_WORK" -> "NEEDS_WORK";
            default -> approved ? "APPROVED" : "UNAPPROVED";
        };
    }

    // --- Shared ---

    /** A plain commit for a hash the payload names without describing it. */
    private static CommitSpec placeholder(String hash, List<String> parents, Account author, OffsetDateTime date,
            String what) {
        return placeholder(hash, parents, author, author != null, date, what);
    }

    /**
     * @param author by whom: the person the payload shows nearest to it (the pusher, the child's author, the pull
     *        request's author); {@code null} for a neutral one
     */
    private static CommitSpec placeholder(String hash, List<String> parents, Account author, boolean linked,
            OffsetDateTime date, String what) {
        Account who = author != null ? author
                : new Account("seed", "Seeded Placeholder", "seed@example.invalid", null, null, 0);
        return new CommitSpec(hash, parents, "Placeholder for " + hash.substring(0, 12) + ", " + what
                + ": the payload names it without describing it", who, author != null && linked, date, who, date,
                null);
    }

    private static Account unlinked(String gitName, String email) {
        String address = email != null && !email.isBlank() ? email : placeholderEmail(gitName);
        String name = address.substring(0, Math.max(0, address.indexOf('@'))).replaceAll("[^A-Za-z0-9._-]", "");
        return new Account(name.isEmpty() ? "unknown" : name, gitName, address, null, null, 0);
    }

    private static String placeholderEmail(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "") + "@users.example.invalid";
    }

    private static RepoRef refOf(String fullName) {
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash == fullName.length() - 1) {
            throw new IllegalArgumentException("Not a workspace/slug repository name: " + fullName);
        }
        return new RepoRef(fullName.substring(0, slash), fullName.substring(slash + 1));
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            String text = text(node);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static Long longOrNull(JsonNode node) {
        return node.canConvertToLong() || node.isTextual() && node.asText().matches("\\d+") ? node.asLong() : null;
    }

    private static Instant instant(JsonNode node, Instant otherwise) {
        OffsetDateTime date = date(node);
        return date == null ? otherwise : date.toInstant();
    }

    /** @return a date as either flavor writes it: epoch millis (number or digits) or ISO 8601 with any offset style */
    static OffsetDateTime date(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber() || node.asText().matches("\\d{9,}")) {
            return OffsetDateTime.ofInstant(Instant.ofEpochMilli(node.asLong()), ZoneOffset.UTC);
        }
        String text = node.asText();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text, COLONLESS_OFFSET);
        }
    }

    /** One payload being seeded: its descriptions, and what was seeded. */
    private final class Run {

        private final Map<String, CommitSpec> descriptions = new LinkedHashMap<>();
        private final List<String> placeholders = new ArrayList<>();
        private final Map<String, String> refs = new LinkedHashMap<>();
        private final Map<String, String> fullHashes = new LinkedHashMap<>();
        private RepoRef repo;
        private Integer pullRequest;

        void describe(CommitSpec commit) {
            descriptions.putIfAbsent(commit.hash(), commit);
        }

        /** Seeds every described commit, parents first. */
        void ensureDescribed(RepoRef in) {
            for (String hash : List.copyOf(descriptions.keySet())) {
                ensure(in, hash, null);
            }
        }

        /**
         * Seeds a commit unless the repository has it: as described, else as {@code otherwise}. A parent neither
         * there nor described becomes a plain commit without parents, dated a minute before its child.
         *
         * @param otherwise the placeholder when the payload does not describe it; {@code null} when it does
         */
        void ensure(RepoRef in, String hash, CommitSpec otherwise) {
            if (seed.has(in, hash)) {
                return;
            }
            CommitSpec spec = descriptions.getOrDefault(hash, otherwise);
            if (spec == null) {
                throw new IllegalStateException("Neither described nor a placeholder: " + hash);
            }
            for (String parent : spec.parents()) {
                ensure(in, parent, placeholder(parent, List.of(), spec.author(), spec.linked(),
                        spec.authored().minusSeconds(PLACEHOLDER_GAP_SECONDS), "a parent of "
                                + hash.substring(0, 12)));
            }
            seed.commit(in, spec);
            if (!descriptions.containsKey(hash)) {
                placeholders.add(hash);
            }
        }

        /** @return the full hash for a hash or prefix: the repository's commit starting with it, else a seeded one */
        String full(RepoRef in, String hash) {
            if (hash == null || hash.length() == 40) {
                return hash;
            }
            String found = seed.resolve(in, hash);
            String full = found != null ? found : Seeding.fullHash(hash);
            fullHashes.put(hash, full);
            return full;
        }

        Seeded result() {
            return new Seeded(repo, new ArrayList<>(descriptions.keySet()), placeholders, refs, pullRequest,
                    fullHashes);
        }
    }
}
