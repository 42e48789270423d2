package dev.bitbridge.testkit.bitbucket.cloud;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.UrlPaths;
import dev.bitbridge.testkit.bitbucket.model.AnnotatedTag;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.FileDiff;
import dev.bitbridge.testkit.bitbucket.model.Owner;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Renders the model as Bitbucket Cloud 2.0 JSON, in the shapes of the real captures in {@code shared/fixtures}. Links
 * point at the simulator itself ({@code api} for the API, {@code web} for pages), so clients following them stay on
 * the same host.
 */
public final class CloudJson {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    /** Cloud repositories live in a project; the simulator puts them all in one per workspace. */
    static final String PROJECT_KEY = "PROJ";

    private final String api;
    private final String web;

    /** @param origin {@code scheme://host:port} of the simulator */
    public CloudJson(String origin) {
        this.api = origin + "/2.0";
        this.web = origin;
    }

    /** @return a record timestamp as Cloud writes it: {@code 2024-11-22T10:23:20.512180+00:00} */
    public static String timestamp(Instant instant) {
        return MICROS.format(instant);
    }

    public String apiBase() {
        return api;
    }

    public ObjectNode account(Account a) {
        ObjectNode node = Json.object().put("display_name", a.displayName());
        String id = a.uuid().replace("{", "%7B").replace("}", "%7D");
        node.putObject("links")
                .<ObjectNode> set("self", Json.href(api + "/users/" + id))
                .<ObjectNode> set("avatar", Json.href(web + "/account/" + a.name() + "/avatar/"))
                .set("html", Json.href(web + "/" + id + "/"));
        return node.put("type", "user").put("uuid", a.uuid()).put("account_id", a.accountId())
                .put("nickname", a.name());
    }

    public ObjectNode workspace(Owner o) {
        ObjectNode node = Json.object().put("type", "workspace").put("uuid", o.uuid()).put("name", o.name())
                .put("slug", o.key());
        node.putObject("links")
                .<ObjectNode> set("avatar", Json.href(web + "/workspaces/" + o.key() + "/avatar/"))
                .<ObjectNode> set("html", Json.href(web + "/" + o.key() + "/"))
                .set("self", Json.href(api + "/workspaces/" + o.key()));
        return node;
    }

    public ObjectNode project(Owner o) {
        ObjectNode node = Json.object().put("type", "project").put("key", PROJECT_KEY)
                .put("uuid", "{" + java.util.UUID.nameUUIDFromBytes(o.uuid().getBytes()) + "}")
                .put("name", "Default project");
        node.putObject("links")
                .<ObjectNode> set("self", Json.href(api + "/workspaces/" + o.key() + "/projects/" + PROJECT_KEY))
                .<ObjectNode> set("html", Json.href(web + "/" + o.key() + "/workspace/projects/" + PROJECT_KEY))
                .set("avatar", Json.href(web + "/" + o.key() + "/workspace/projects/" + PROJECT_KEY + "/avatar/32"));
        return node;
    }

    /** @return the short repository form used inside pull requests and statuses */
    public ObjectNode repositoryMini(Repo r) {
        ObjectNode node = Json.object().put("type", "repository").put("full_name", r.fullName());
        node.putObject("links")
                .<ObjectNode> set("self", Json.href(api + "/repositories/" + r.fullName()))
                .<ObjectNode> set("html", Json.href(web + "/" + r.fullName()))
                .set("avatar", Json.href(web + "/" + r.fullName() + "/avatar/32/"));
        return node.put("name", r.name()).put("uuid", r.uuid());
    }

    /** @return the repository as in webhook payloads ({@code repository}) */
    public ObjectNode repository(Repo r, Account owner) {
        ObjectNode node = repositoryMini(r);
        node.put("scm", "git").putNull("website");
        node.set("owner", owner == null ? workspace(r.owner()) : account(owner));
        node.set("workspace", workspace(r.owner()));
        node.put("is_private", true);
        node.set("project", project(r.owner()));
        if (r.forkOf() == null) {
            node.putNull("parent");
        } else {
            node.set("parent", repositoryMini(r.forkOf()));
        }
        return node;
    }

    /** @return the repository as {@code GET /repositories/{ws}/{slug}} answers */
    public ObjectNode repositoryFull(Repo r) {
        ObjectNode node = repository(r, null);
        node.put("slug", r.slug()).put("description", "").put("fork_policy", "no_public_forks")
                .put("language", "").put("has_issues", false).put("has_wiki", false).put("size", 0);
        node.putObject("mainbranch").put("type", "branch").put("name", r.mainBranch());
        ((ObjectNode) node.get("links")).putArray("clone")
                .add(Json.object().put("name", "https").put("href", web + "/" + r.fullName() + ".git"));
        return node;
    }

    /**
     * @return a commit as push payloads list it ({@code jenkins-bbs/cloud/signed_payload.json}, 2025): with an empty
     *         {@code committer}, {@code rendered} and {@code properties}
     */
    public ObjectNode commit(Repo r, Commit c) {
        ObjectNode node = commitTarget(r, c);
        node.set("links", commitLinksFull(r, c.hash()));
        return node;
    }

    /**
     * @return a commit as the REST API answers it ({@code GET .../commits}, {@code .../commit/{hash}}; shaped like
     *         {@code jenkins-bbs/cloud/2.0-repositories-...-commits_include_..._exclude_....json}, 2025): no
     *         {@code committer} (Bitbucket Cloud's API shows none; OpenAPI schema {@code base_commit}), the message
     *         also under {@code rendered.message}, and the repository
     */
    public ObjectNode commitResource(Repo r, Commit c) {
        ObjectNode node = Json.object().put("type", "commit").put("hash", c.hash()).put("date", date(c.authored()));
        node.set("author", author(c));
        node.put("message", c.message());
        node.set("summary", rendered(c.message()));
        node.set("links", commitLinksFull(r, c.hash()));
        node.set("parents", parents(r, c));
        node.putObject("rendered").set("message", rendered(c.message()));
        node.set("repository", repositoryMini(r));
        return node;
    }

    /** @return a commit as a ref's {@code target} */
    public ObjectNode commitTarget(Repo r, Commit c) {
        ObjectNode node = Json.object().put("type", "commit").put("hash", c.hash()).put("date", date(c.authored()));
        node.set("author", author(c));
        // Cloud knows no committer: the 2025 captures carry an empty object.
        node.putObject("committer");
        node.put("message", c.message());
        node.set("summary", rendered(c.message()));
        node.set("links", commitLinks(r, c.hash()));
        node.set("parents", parents(r, c));
        node.putObject("rendered");
        node.putObject("properties");
        return node;
    }

    /** @return {@code {self, html}} links of a commit */
    public ObjectNode commitLinks(Repo r, String hash) {
        return Json.object()
                .<ObjectNode> set("self", Json.href(api + "/repositories/" + r.fullName() + "/commit/" + hash))
                .set("html", Json.href(web + "/" + r.fullName() + "/commits/" + hash));
    }

    /** @return a commit date as Cloud writes it, in the offset git recorded: {@code 2025-05-16T07:36:56+00:00} */
    public static String date(OffsetDateTime date) {
        return SECONDS.format(date);
    }

    /** @return a branch or tag as in push payloads' {@code old}/{@code new}; an annotated tag adds its fields */
    public ObjectNode ref(Repo r, String type, String name, Commit target, AnnotatedTag tag) {
        ObjectNode node = Json.object().put("name", name).put("type", type);
        node.set("target", commitTarget(r, target));
        String refs = "branch".equals(type) ? "branches" : "tags";
        String path = UrlPaths.encodePath(name);
        node.putObject("links")
                .<ObjectNode> set("commits", Json.href(api + "/repositories/" + r.fullName() + "/commits/" + path))
                .<ObjectNode> set("self", Json.href(api + "/repositories/" + r.fullName() + "/refs/" + refs + "/"
                        + path))
                .set("html", Json.href(web + "/" + r.fullName() + "/" + ("branch".equals(type) ? "branch" : "commits")
                        + "/" + path));
        if ("branch".equals(type)) {
            ((ObjectNode) node.get("links")).set("pullrequest_create", Json.href(web + "/" + r.fullName()
                    + "/pull-requests/new?source=" + path + "&t=1"));
            node.putArray("merge_strategies").add("merge_commit").add("squash").add("fast_forward");
            node.putArray("sync_strategies").add("merge_commit").add("rebase");
            node.put("default_merge_strategy", "merge_commit");
        }
        if (tag != null) {
            // Bitbucket Cloud OpenAPI, schema tag: ref + message, date, tagger (an author).
            node.put("message", tag.message()).put("date", date(tag.date()));
            ObjectNode tagger = node.putObject("tagger").put("type", "author").put("raw", tag.tagger().raw());
            tagger.set("user", account(tag.tagger()));
        }
        return node;
    }

    /** @return a branch or lightweight tag */
    public ObjectNode ref(Repo r, String type, String name, Commit target) {
        return ref(r, type, name, target, null);
    }

    /**
     * @return one diffstat entry, shaped like {@code jenkins-bbs/cloud/2.0-...-diffstat-....json} (2025): an added
     *         file has {@code old: null}, a removed one {@code new: null}
     * @param oldCommit the commit the old side's {@code src} link names
     * @param newCommit the commit the new side's {@code src} link names
     */
    public ObjectNode diffstat(Repo r, FileDiff d, String oldCommit, String newCommit) {
        ObjectNode node = Json.object().put("type", "diffstat").put("lines_added", d.linesAdded())
                .put("lines_removed", d.linesRemoved()).put("status", d.type().name().toLowerCase());
        node.set("old", d.oldPath() == null ? null : commitFile(r, d.oldPath(), oldCommit));
        node.set("new", d.newPath() == null ? null : commitFile(r, d.newPath(), newCommit));
        return node;
    }

    private ObjectNode commitFile(Repo r, String path, String commit) {
        String escaped = UrlPaths.encodePath(path);
        ObjectNode node = Json.object().put("path", path).put("type", "commit_file").put("escaped_path", escaped);
        node.putObject("links").set("self", Json.href(api + "/repositories/" + r.fullName() + "/src/" + commit + "/"
                + escaped));
        return node;
    }

    private ObjectNode author(Commit c) {
        ObjectNode author = Json.object().put("type", "author").put("raw", c.author().raw());
        if (c.linked()) {
            author.set("user", account(c.author()));
        }
        return author;
    }

    private static ObjectNode rendered(String text) {
        return Json.object().put("type", "rendered").put("raw", text).put("markup", "markdown")
                .put("html", "<p>" + text.strip() + "</p>");
    }

    private ArrayNode parents(Repo r, Commit c) {
        ArrayNode parents = Json.array();
        c.parents().forEach(p -> parents.add(Json.object().put("hash", p).<ObjectNode> set("links", commitLinks(r,
                p)).put("type", "commit")));
        return parents;
    }

    private ObjectNode commitLinksFull(Repo r, String hash) {
        ObjectNode links = commitLinks(r, hash);
        String self = api + "/repositories/" + r.fullName();
        links.set("diff", Json.href(self + "/diff/" + hash));
        links.set("approve", Json.href(self + "/commit/" + hash + "/approve"));
        links.set("comments", Json.href(self + "/commit/" + hash + "/comments"));
        links.set("statuses", Json.href(self + "/commit/" + hash + "/statuses"));
        links.set("patch", Json.href(self + "/patch/" + hash));
        return links;
    }
}
