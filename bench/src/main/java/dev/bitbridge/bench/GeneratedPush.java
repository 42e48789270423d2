package dev.bitbridge.bench;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Bitbucket Cloud {@code repo:push} body built from scratch, for runs without the shared fixtures: one branch
 * update carrying three commits, with the links, users and repository blocks Bitbucket sends, about 14 KB. The same
 * repository name always gives the same bytes.
 */
public final class GeneratedPush {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "https://api.bitbucket.org/2.0/repositories/";
    private static final String WEB = "https://bitbucket.org/";
    private static final int COMMITS = 3;

    private GeneratedPush() {
    }

    /**
     * @param fullName the repository, {@code workspace/slug}
     * @return the body, compact JSON in UTF-8
     */
    public static byte[] body(String fullName) {
        Random random = new Random(fullName.hashCode());
        String workspace = fullName.substring(0, fullName.indexOf('/'));
        String slug = fullName.substring(fullName.indexOf('/') + 1);
        ObjectNode actor = user(random, "Bench Pusher");

        String[] hashes = new String[COMMITS + 1];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = hex(random, 20);
        }
        Instant when = Instant.parse("2025-05-16T07:36:56Z");
        ArrayNode commits = JSON.createArrayNode();
        for (int i = 0; i < COMMITS; i++) {
            commits.add(commit(random, fullName, hashes[i], hashes[i + 1], when.minusSeconds(600L * i),
                    "Change " + (COMMITS - i) + " of the benchmark branch\n\nTouches the build and its tests.\n"));
        }

        ObjectNode change = JSON.createObjectNode();
        change.set("old", ref(random, fullName, "main", hashes[COMMITS], when.minusSeconds(86_400)));
        change.set("new", ref(random, fullName, "main", hashes[0], when));
        change.put("truncated", false);
        change.put("created", false);
        change.put("forced", false);
        change.put("closed", false);
        ObjectNode links = change.putObject("links");
        href(links, "commits", API + fullName + "/commits?include=" + hashes[0] + "&exclude=" + hashes[COMMITS]);
        href(links, "html", WEB + fullName + "/branches/compare/" + hashes[0] + ".." + hashes[COMMITS]);
        href(links, "diff", API + fullName + "/diff/" + hashes[0] + ".." + hashes[COMMITS]);
        change.set("commits", commits);

        ObjectNode root = JSON.createObjectNode();
        root.putObject("push").putArray("changes").add(change);
        root.set("repository", repository(random, workspace, slug, fullName));
        root.set("actor", actor);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode ref(Random random, String fullName, String branch, String hash, Instant date) {
        ObjectNode ref = JSON.createObjectNode();
        ref.put("name", branch);
        ref.put("type", "branch");
        ref.put("default_merge_strategy", "merge_commit");
        ref.putArray("merge_strategies").add("merge_commit").add("squash").add("fast_forward");
        ref.set("target", commit(random, fullName, hash, hex(random, 20), date, "Merge the benchmark branch\n"));
        ObjectNode links = ref.putObject("links");
        href(links, "self", API + fullName + "/refs/branches/" + branch);
        href(links, "commits", API + fullName + "/commits/" + branch);
        href(links, "html", WEB + fullName + "/branch/" + branch);
        return ref;
    }

    private static ObjectNode commit(Random random, String fullName, String hash, String parent, Instant date,
            String message) {
        ObjectNode commit = JSON.createObjectNode();
        commit.put("type", "commit");
        commit.put("hash", hash);
        commit.put("date", date.toString().replace("Z", "+00:00"));
        ObjectNode author = commit.putObject("author");
        author.put("type", "author");
        author.put("raw", "Bench Author <bench.author@example.com>");
        author.set("user", user(random, "Bench Author"));
        commit.putObject("committer");
        commit.put("message", message);
        ObjectNode summary = commit.putObject("summary");
        summary.put("type", "rendered");
        summary.put("raw", message);
        summary.put("markup", "markdown");
        summary.put("html", "<p>" + message.strip().replace("\n\n", "</p>\n<p>") + "</p>");
        ObjectNode links = commit.putObject("links");
        href(links, "self", API + fullName + "/commit/" + hash);
        href(links, "html", WEB + fullName + "/commits/" + hash);
        href(links, "diff", API + fullName + "/diff/" + hash);
        href(links, "approve", API + fullName + "/commit/" + hash + "/approve");
        href(links, "comments", API + fullName + "/commit/" + hash + "/comments");
        href(links, "statuses", API + fullName + "/commit/" + hash + "/statuses");
        ObjectNode parentNode = commit.putArray("parents").addObject();
        parentNode.put("hash", parent);
        parentNode.put("type", "commit");
        ObjectNode parentLinks = parentNode.putObject("links");
        href(parentLinks, "self", API + fullName + "/commit/" + parent);
        href(parentLinks, "html", WEB + fullName + "/commits/" + parent);
        commit.putObject("rendered");
        commit.putObject("properties");
        return commit;
    }

    private static ObjectNode user(Random random, String displayName) {
        String uuid = "{" + new UUID(random.nextLong(), random.nextLong()) + "}";
        ObjectNode user = JSON.createObjectNode();
        user.put("display_name", displayName);
        ObjectNode links = user.putObject("links");
        href(links, "self", "https://api.bitbucket.org/2.0/users/" + uuid.replace("{", "%7B").replace("}", "%7D"));
        href(links, "avatar", "https://secure.gravatar.com/avatar/" + hex(random, 16) + "?d=https%3A%2F%2Favatar-"
                + "management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2FBA-3.png");
        href(links, "html", WEB + uuid.replace("{", "%7B").replace("}", "%7D") + "/");
        user.put("type", "user");
        user.put("uuid", uuid);
        user.put("account_id", "557058:" + new UUID(random.nextLong(), random.nextLong()));
        user.put("nickname", displayName);
        return user;
    }

    private static ObjectNode repository(Random random, String workspace, String slug, String fullName) {
        ObjectNode repository = JSON.createObjectNode();
        repository.put("type", "repository");
        repository.put("full_name", fullName);
        ObjectNode links = repository.putObject("links");
        href(links, "self", API + fullName);
        href(links, "html", WEB + fullName);
        href(links, "avatar", "https://bytebucket.org/ravatar/%7B" + new UUID(random.nextLong(), random.nextLong())
                + "%7D?ts=default");
        repository.put("name", slug);
        repository.put("scm", "git");
        repository.putNull("website");
        ObjectNode owner = repository.putObject("owner");
        owner.put("display_name", workspace);
        owner.put("type", "team");
        owner.put("uuid", "{" + new UUID(random.nextLong(), random.nextLong()) + "}");
        owner.put("username", workspace);
        ObjectNode ws = repository.putObject("workspace");
        ws.put("type", "workspace");
        ws.put("uuid", "{" + new UUID(random.nextLong(), random.nextLong()) + "}");
        ws.put("name", workspace);
        ws.put("slug", workspace);
        href(ws.putObject("links"), "html", WEB + workspace + "/");
        ObjectNode project = repository.putObject("project");
        project.put("type", "project");
        project.put("key", "BENCH");
        project.put("uuid", "{" + new UUID(random.nextLong(), random.nextLong()) + "}");
        project.put("name", "Benchmark");
        repository.put("is_private", true);
        repository.put("uuid", "{" + new UUID(random.nextLong(), random.nextLong()) + "}");
        repository.putNull("parent");
        return repository;
    }

    private static void href(ObjectNode links, String name, String href) {
        links.putObject(name).put("href", href);
    }

    private static String hex(Random random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
