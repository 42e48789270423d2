package dev.bitbridge.testkit.bitbucket;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.bitbridge.testkit.bitbucket.auth.Authenticator;
import dev.bitbridge.testkit.bitbucket.auth.Credentials;
import dev.bitbridge.testkit.bitbucket.auth.OAuthServer;
import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.auth.RateLimiter;
import dev.bitbridge.testkit.bitbucket.cloud.CloudApi;
import dev.bitbridge.testkit.bitbucket.cloud.CloudHookPolicy;
import dev.bitbridge.testkit.bitbucket.cloud.CloudRateLimitHeaders;
import dev.bitbridge.testkit.bitbucket.datacenter.DataCenterApi;
import dev.bitbridge.testkit.bitbucket.datacenter.DcPayloadStyle;
import dev.bitbridge.testkit.bitbucket.datacenter.DcPayloads;
import dev.bitbridge.testkit.bitbucket.delivery.WebhookDeliverer;
import dev.bitbridge.testkit.bitbucket.http.CloudErrors;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.SelfSignedCertificate;
import dev.bitbridge.testkit.bitbucket.http.SimHttpServer;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.BuildStatus;
import dev.bitbridge.testkit.bitbucket.model.Hook;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.SimClock;

/**
 * One simulated Bitbucket — Cloud or Data Center — on 127.0.0.1, with an in-memory model, the vendor's
 * authentication rules, webhook management and delivery. Tests set up a scenario (accounts, credentials,
 * repositories, pushes, pull requests) and point the code under test at {@link #baseUrl()}.
 *
 * <pre>{@code
 * try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
 *     Account jane = bb.addAccount("Jane Doe", "jane@example.com");
 *     bb.credentials().apiToken(jane, "token", "read:repository:bitbucket", "write:webhook:bitbucket");
 *     RepoRef repo = bb.createRepository("acme", "api");
 *     bb.push(repo, "main", NewCommit.by(jane, "first").adds("src/App.java", 40));
 *     bb.newPush(repo, jane).branch("feature/x", NewCommit.by(jane, "more").modifies("src/App.java", 3, 1))
 *             .tag("v1", "main").send();
 *     bb.failNext(1, 503);                       // the client's next call fails
 *     ... run the code under test ...
 *     assertThat(bb.requestCount("GET", "/2.0/repositories/acme/api/diffstat/**")).isEqualTo(1);
 * }
 * }</pre>
 *
 * Served for reading what a webhook announced: Cloud {@code /commits} (include/exclude), {@code /commit/{hash}},
 * {@code /diffstat/{spec}}, {@code /pullrequests/{id}} with {@code /commits} and {@code /diffstat} (a redirect);
 * Data Center {@code /commits?since=&until=}, {@code /commits/{id}}, {@code /commits/{id}/changes},
 * {@code /pull-requests/{id}} with {@code /commits} and {@code /changes}.
 * <p>
 * Besides scenarios, state with real identities can be seeded from captured webhooks ({@link #seedFrom}) or piece by
 * piece ({@link #seed()}), so that what a real payload names is there to be read.
 */
public final class BitbucketSimulator implements AutoCloseable {

    /** Bitbucket Cloud's text (and only body) for a request over the rate limit. */
    public static final String RATE_LIMITED = "Rate limit for this resource has been exceeded";

    private final Flavor flavor;
    private final SimClock clock = new SimClock();
    private final Model model;
    private final Credentials credentials = new Credentials();
    private final OAuthServer oauth = new OAuthServer(clock, credentials);
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter = new RateLimiter(clock);
    private final CloudHookPolicy hookPolicy = new CloudHookPolicy();
    private final WebhookDeliverer deliverer;
    private final SelfSignedCertificate certificate;
    private final SimHttpServer server;
    private final CloudApi cloudApi;
    private final DataCenterApi dcApi;
    private final ScenarioEngine engine;
    private final PullRequests pullRequests;
    private final DcPayloadStyle dcStyle = new DcPayloadStyle();
    private final RequestLog requestLog = new RequestLog();
    private final Faults faults;

    private BitbucketSimulator(Flavor flavor, int port, boolean https) {
        this.flavor = flavor;
        this.model = new Model(flavor, clock);
        this.authenticator = new Authenticator(flavor, credentials, oauth, clock);
        this.deliverer = new WebhookDeliverer(flavor, clock);
        this.certificate = https ? SelfSignedCertificate.generate() : null;
        this.server = new SimHttpServer(port, certificate, this::handle);
        String origin = server.origin();
        this.cloudApi = flavor == Flavor.CLOUD ? new CloudApi(model, origin, this::emit, hookPolicy) : null;
        this.dcApi = flavor == Flavor.DATA_CENTER ? new DataCenterApi(model, origin) : null;
        this.engine = new ScenarioEngine(model, this::emit, origin, dcStyle);
        this.faults = new Faults(flavor);
        this.pullRequests = new PullRequests(model, this::emit, engine);
    }

    /** @return a started Bitbucket Cloud simulator on a free port */
    public static BitbucketSimulator cloud() {
        return start(Flavor.CLOUD, 0, false);
    }

    /** @return a started Bitbucket Data Center simulator on a free port */
    public static BitbucketSimulator dataCenter() {
        return start(Flavor.DATA_CENTER, 0, false);
    }

    /**
     * @param port 0 for a free one
     * @param https whether to serve HTTPS with a fresh self-signed certificate ({@link #certificatePem()})
     * @return a started simulator
     */
    public static BitbucketSimulator start(Flavor flavor, int port, boolean https) {
        return new BitbucketSimulator(flavor, port, https);
    }

    public Flavor flavor() {
        return flavor;
    }

    /** @return Cloud: the API base {@code http://127.0.0.1:P/2.0}; Data Center: the server base {@code http://127.0.0.1:P} */
    public String baseUrl() {
        return flavor == Flavor.CLOUD ? server.origin() + "/2.0" : server.origin();
    }

    /** @return {@code scheme://127.0.0.1:port}, the root of every path served */
    public String serverUrl() {
        return server.origin();
    }

    public int port() {
        return server.port();
    }

    /** @return Cloud's OAuth token endpoint, {@code .../site/oauth2/access_token} */
    public String tokenUrl() {
        return server.origin() + "/site/oauth2/access_token";
    }

    /** @return Cloud's OAuth authorize endpoint, {@code .../site/oauth2/authorize} */
    public String authorizeUrl() {
        return server.origin() + "/site/oauth2/authorize";
    }

    /** @return the HTTPS certificate in PEM; fails on a plain-HTTP simulator */
    public String certificatePem() {
        if (certificate == null) {
            throw new IllegalStateException("This simulator serves plain HTTP");
        }
        return certificate.pem();
    }

    /** @return the HTTPS certificate's subject (and issuer) */
    public static String certificateSubject() {
        return SelfSignedCertificate.SUBJECT;
    }

    /** @return where credentials are registered */
    public CredentialSetup credentials() {
        return new CredentialSetup(model, credentials);
    }

    /** @return a new account; Cloud shows its UUID and account id, Data Center its name (the e-mail's local part) */
    public Account addAccount(String displayName, String email) {
        return model.addAccount(displayName, email);
    }

    /** Creates a Cloud workspace or a Data Center project. */
    public void createOwner(String key, String name) {
        model.createOwner(key, name);
    }

    /** Creates a repository, and its workspace or project when missing. */
    public RepoRef createRepository(String owner, String slug) {
        synchronized (model) {
            if (model.owner(owner) == null) {
                model.createOwner(owner, owner);
            }
            return model.createRepo(owner, slug, null).ref();
        }
    }

    /** Forks a repository (its branches and commits come along), creating the owner when missing. */
    public RepoRef fork(RepoRef origin, String owner, String slug) {
        synchronized (model) {
            if (model.owner(owner) == null) {
                model.createOwner(owner, owner);
            }
            return model.createRepo(owner, slug, model.require(origin)).ref();
        }
    }

    /** @return where state with given identities (hashes, ids) is put, for {@link #seedFrom} and tests */
    public Seeding seed() {
        return new Seeding(model);
    }

    /**
     * Seeds what a real webhook describes, so that the REST APIs answer for it as for native state: a client that
     * reads what the webhook announced (commits, their files, a pull request's commits) finds it. Nothing is
     * delivered. Facts the payload states are taken exactly:
     * <ul>
     * <li>the repository, created when missing with its owner, workspace or project, and their Cloud UUIDs or Data
     * Center ids (an existing repository keeps its identity);</li>
     * <li>every commit it describes — Cloud push {@code commits[]} and each change's {@code old}/{@code new} target,
     * Data Center {@code commits[]} and {@code toCommit}, a status's commit — with its hash, parents, message, author
     * (linked to an account when the payload links it; Cloud: the account and git's {@code raw} e-mail; Data Center:
     * the user, or git's name and e-mail), committer and dates;</li>
     * <li>the refs where the payload leaves them (branches and tags at the new hashes; deleted ones removed);</li>
     * <li>for {@code pullrequest:*} / {@code pr:*}: the pull request with its id (replacing one with that id), title,
     * description, state, author, source and destination branches (a source in another repository is a fork of the
     * destination), reviewers and participants with their approval state, dates, merge commit and who closed it.</li>
     * </ul>
     * What a payload names without describing is filled in as plain commits, each documented in {@link Seeded}'s
     * {@code placeholders}:
     * <ul>
     * <li>a parent beyond a listed history (a truncated Cloud list, Data Center's five): a commit without parents,
     * by the child's author, a minute older;</li>
     * <li>a classic Data Center push's hashes (no {@code commits[]}): the old head a commit without parents; the new
     * head, when the payload does not describe it, a child of the old head for an {@code UPDATE} (a fast-forward by
     * that one commit) and a commit without parents for an {@code ADD};</li>
     * <li>a pull request's destination commit: a commit without parents; its source head: a child of the
     * destination commit (the branch was made there), or of Data Center's {@code previousFromHash}, itself a child of
     * the destination commit; its merge commit: a merge of the source head into the destination commit, and the
     * destination branch is left at it. Cloud names these by 12 characters: a commit of the repository starting with
     * them is used, else one with the full hash {@link Seeding#fullHash(String)} (the same for every payload naming
     * the prefix), listed in {@link Seeded#fullHashes()}.</li>
     * </ul>
     * A commit the repository has already is kept as it is (the first seeding wins), so payloads about one
     * repository may be seeded one after another; where they fill in what they leave open differently (one names a
     * merge commit that another names only as a pull request's destination), the first one seeded decides that
     * commit's parents. Refs and pull requests are always left as the last payload seeded says. Every commit seeded changes
     * files as
     * {@link Seeding} describes: by default each adds its own {@link Seeding#seededFile(String)}, so that diffstats
     * and changes of seeded commits are small, distinct and known in advance. A ping or a body naming no repository
     * seeds nothing.
     *
     * @param flavor the flavor whose shape the body has; must be this simulator's
     * @param eventKey the {@code X-Event-Key} the body came with
     * @param body the body, byte for byte
     * @return what was seeded
     * @throws IllegalArgumentException when the body is not a JSON object or the flavor is not this simulator's
     */
    public Seeded seedFrom(Flavor flavor, String eventKey, byte[] body) {
        if (flavor != this.flavor) {
            throw new IllegalArgumentException("This simulator is " + this.flavor + "; a " + flavor
                    + " payload cannot be seeded into it");
        }
        synchronized (model) {
            return new PayloadSeeder(seed(), flavor).seed(eventKey, body);
        }
    }

    /** @return a push of one or more refs by {@code actor}; nothing happens until {@link Push#send()} */
    public Push newPush(RepoRef repo, Account actor) {
        return new Push(engine, repo, actor);
    }

    /**
     * Pushes commits to a branch (created when missing) as their first author, delivering {@code repo:push} or
     * {@code repo:refs_changed}.
     *
     * @return the branch's new head
     */
    public String push(RepoRef repo, String branch, NewCommit... commits) {
        if (commits.length == 0) {
            throw new IllegalArgumentException("A push needs commits; use newPush(...).newBranch(...) for none");
        }
        Map<String, String> heads = newPush(repo, commits[0].author()).branch(branch, commits).send();
        return heads.get(branch);
    }

    /** @return the head of a branch, or {@code null} */
    public String head(RepoRef repo, String branch) {
        synchronized (model) {
            return model.require(repo).branch(branch);
        }
    }

    /** Opens a pull request; delivers {@code pullrequest:created} / {@code pr:opened}. @return its id */
    public int openPullRequest(RepoRef source, String sourceBranch, RepoRef destination, String destinationBranch,
            Account author, String title, Account... reviewers) {
        return pullRequests.open(source, sourceBranch, destination, destinationBranch, author, title, "",
                List.of(reviewers));
    }

    /** Edits title and description; delivers {@code pullrequest:updated} / {@code pr:modified}. */
    public void updatePullRequest(RepoRef repo, int id, Account actor, String title, String description) {
        pullRequests.update(repo, id, actor, title, description);
    }

    /** Approves; delivers {@code pullrequest:approved} / {@code pr:reviewer:approved}. */
    public void approve(RepoRef repo, int id, Account reviewer) {
        pullRequests.review(repo, id, reviewer, "APPROVED");
    }

    /** Withdraws an approval; delivers {@code pullrequest:unapproved} / {@code pr:reviewer:unapproved}. */
    public void unapprove(RepoRef repo, int id, Account reviewer) {
        pullRequests.review(repo, id, reviewer, "UNAPPROVED");
    }

    /** Requests changes; delivers {@code pullrequest:changes_request_created} / {@code pr:reviewer:needs_work}. */
    public void requestChanges(RepoRef repo, int id, Account reviewer) {
        pullRequests.review(repo, id, reviewer, "NEEDS_WORK");
    }

    /** Merges; delivers {@code pullrequest:fulfilled} / {@code pr:merged}. @return the merge commit */
    public String merge(RepoRef repo, int id, Account actor) {
        return pullRequests.merge(repo, id, actor);
    }

    /** Declines; delivers {@code pullrequest:rejected} / {@code pr:declined}. */
    public void decline(RepoRef repo, int id, Account actor) {
        pullRequests.decline(repo, id, actor);
    }

    /** @return the repository's hooks, secrets included */
    public List<HookView> hooks(RepoRef repo) {
        synchronized (model) {
            return model.require(repo).hooks().stream().map(Hook::view).toList();
        }
    }

    /** @return an edit of a hook as a person would make it in the UI (drift); apply it with {@link HookEdit#apply()} */
    public HookEdit editHook(RepoRef repo, String hookId) {
        synchronized (model) {
            Hook hook = model.require(repo).hook(hookId);
            if (hook == null) {
                throw new IllegalArgumentException("No hook " + hookId + " on " + repo);
            }
            return new HookEdit(model, hook);
        }
    }

    /** Deletes a hook as a person would in the UI. @return whether it existed */
    public boolean deleteHook(RepoRef repo, String hookId) {
        synchronized (model) {
            return model.require(repo).hooks().removeIf(h -> h.id.equalsIgnoreCase(hookId));
        }
    }

    /** Data Center's "Test connection": delivers an unsigned {@code diagnostics:ping} {@code {"test": true}}. */
    public void ping(RepoRef repo, String hookId) {
        synchronized (model) {
            Hook hook = model.require(repo).hook(hookId);
            deliverer.deliver(hook, "diagnostics:ping", Json.bytes(DcPayloads.ping()), false);
        }
    }

    /** @return the build statuses posted to the repository, bodies as posted */
    public List<BuildStatus> buildStatuses(RepoRef repo) {
        synchronized (model) {
            return List.copyOf(model.require(repo).statuses());
        }
    }

    /** @return every delivery attempt so far, oldest first */
    public List<Delivery> deliveries() {
        return deliverer.deliveries();
    }

    /**
     * Sends up to {@code threads} webhooks at once from now on, as Bitbucket's own pool does; by default one at a
     * time, in the order the events happened (which tests that expect that order rely on).
     */
    public void deliveryConcurrency(int threads) {
        deliverer.concurrency(threads);
    }

    /** Waits until every delivery queued so far has been attempted. @return whether it happened in time */
    public boolean awaitDeliveries(Duration timeout) throws InterruptedException {
        return deliverer.awaitIdle(timeout);
    }

    /** Limits requests per budget and rolling hour (429 with {@code Retry-After} beyond); 0 turns it off. */
    public void rateLimit(int requestsPerHour) {
        rateLimiter.limit(requestsPerHour);
    }

    /**
     * @return the requests made with a credential (see {@link CredentialSetup}); {@code "anonymous"} for none; see
     *         {@link #requestCount(String, String)} to count by path
     */
    public long requestCount(String credentialId) {
        return rateLimiter.count(credentialId);
    }

    /** Moves the simulated clock forward (token expiry, rate-limit windows). */
    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    /** Sets the lifetime of OAuth access tokens issued from now on (Bitbucket: 2 hours). */
    public void oauthAccessTokenLifetime(Duration lifetime) {
        oauth.accessTokenLifetime(lifetime);
    }

    /**
     * Cloud refuses hook URLs resolving to internal addresses; the simulator does not by default, since tests deliver
     * to 127.0.0.1. Turn it on to test the refusal.
     */
    public void refuseInternalHookUrls(boolean refuse) {
        hookPolicy.refuseInternalAddresses(refuse);
    }

    /**
     * Makes the next {@code count} requests fail with {@code status} instead of being served, e.g. 500/502/503 with
     * the flavor's error body, or 429 with Cloud's text and a {@code Retry-After}. Faults apply in the order asked,
     * before authentication.
     */
    public void failNext(int count, int status) {
        faults.add(count, status, "**");
    }

    /**
     * Like {@link #failNext(int, int)}, for requests whose decoded path matches a glob: {@code *} within a segment,
     * {@code **} across, e.g. {@code /2.0/repositories/acme/api/diffstat/**}.
     */
    public void failNext(int count, int status, String pathGlob) {
        faults.add(count, status, pathGlob);
    }

    /**
     * While {@code status} is not 0, answers every request with it instead of serving it: 503 for an outage (the
     * flavor's error body), 429 for a rate-limit storm (Cloud's text, {@code Retry-After}). 0 ends it. Deliveries of
     * webhooks are not affected.
     */
    public void outage(int status) {
        faults.outage(status);
    }

    /** @return every request answered so far (faults and refusals included), oldest first */
    public List<RecordedRequest> requests() {
        return requestLog.all();
    }

    /**
     * @param pathGlob a decoded path, {@code *} matching within a segment and {@code **} across
     * @return how many requests with this method matched the path so far
     */
    public long requestCount(String method, String pathGlob) {
        return requestLog.count(method, pathGlob);
    }

    /** Forgets the requests logged so far (e.g. those of a test's setup). */
    public void clearRequests() {
        requestLog.clear();
    }

    /** Data Center: which shape of {@code repo:refs_changed} to deliver from now on (default {@code WITH_COMMITS}). */
    public void dataCenterPushPayload(DcPushPayload shape) {
        dcStyle.push(shape);
    }

    /** Data Center: which build-status endpoints and states the server supports (default 8.0+: all of them). */
    public void dataCenterBuildStatuses(DcBuildStatusSupport support) {
        if (dcApi == null) {
            throw new IllegalStateException("only a Data Center simulator has build-status versions");
        }
        dcApi.buildStatusSupport(support);
    }

    /** Data Center: how webhook payloads write commit and pull-request timestamps (default epoch millis). */
    public void dataCenterTimestamps(DcTimestamps style) {
        dcStyle.timestamps(style);
    }

    /** Data Center: the offset of events' top-level {@code date}, e.g. {@code +0300} (default UTC). */
    public void dataCenterEventOffset(ZoneOffset offset) {
        dcStyle.eventOffset(offset);
    }

    private SimResponse handle(SimRequest request) {
        long received = System.nanoTime();
        Principal caller = null;
        SimResponse response;
        try {
            Authenticator.Result auth = oauthEndpoint(request) ? null : authenticator.authenticate(request);
            caller = auth == null ? null : auth.principal();
            response = faults.take(request.path());
            if (response == null) {
                response = serve(request, auth);
            }
            if (flavor == Flavor.CLOUD) {
                CloudRateLimitHeaders.add(response, caller, request.path(), rateLimiter);
            }
        } catch (RuntimeException e) {
            response = SimResponse.text(500, "Simulator failure: " + e);
        }
        requestLog.add(new RecordedRequest(request.method(), request.path(), request.uri().getRawQuery(),
                response.status(), caller == null ? null : caller.credentialId(), received));
        return response;
    }

    private boolean oauthEndpoint(SimRequest request) {
        return flavor == Flavor.CLOUD && request.path().startsWith("/site/oauth2/");
    }

    private SimResponse serve(SimRequest request, Authenticator.Result auth) {
        if (flavor == Flavor.CLOUD && request.path().equals("/site/oauth2/authorize")) {
            return oauth.authorize(request);
        }
        if (flavor == Flavor.CLOUD && request.path().equals("/site/oauth2/access_token")) {
            return "POST".equals(request.method()) ? oauth.token(request) : SimResponse.empty(405);
        }
        if (auth == null) {
            return CloudErrors.notFound("Resource not found");
        }
        if (auth.refusal() != null) {
            return auth.refusal();
        }
        var wait = rateLimiter.admit(auth.principal());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return SimResponse.text(429, RATE_LIMITED).header("Retry-After", Long.toString(seconds));
        }
        return flavor == Flavor.CLOUD ? cloudApi.handle(request, auth.principal())
                : dcApi.handle(request, auth.principal());
    }

    private void emit(dev.bitbridge.testkit.bitbucket.model.Repo repo, String eventKey,
            com.fasterxml.jackson.databind.node.ObjectNode body) {
        byte[] bytes = Json.bytes(body);
        for (Hook hook : List.copyOf(repo.hooks())) {
            if (hook.wants(eventKey)) {
                deliverer.deliver(hook, eventKey, bytes, true);
            }
        }
    }

    @Override
    public void close() {
        server.close();
        deliverer.close();
    }
}
