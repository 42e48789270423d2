package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.bitbridge.testkit.bitbucket.http.SimHttpServer;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;

/**
 * One simulated Jenkins on 127.0.0.1 speaking the remote access API as {@code docs/jenkins.md} describes it, errors
 * included: HTTP Basic with passwords or API tokens, session-bound CSRF crumbs, matrix permissions (404 for a job the
 * caller cannot read), folders and multibranch projects, {@code build} / {@code buildWithParameters} with queue merging,
 * the queue's waiting and left items, builds with scripted results, {@code stop} and {@code cancelItem}.
 *
 * <pre>{@code
 * try (JenkinsSimulator jenkins = JenkinsSimulator.start()) {
 *     jenkins.addUser("bot", "secret").apiToken("bot", "bot-token");
 *     jenkins.createJob("app", "COMMIT", "BRANCH");
 *     jenkins.delays(Duration.ofSeconds(5), Duration.ofMinutes(2)).scriptResults("app", BuildResult.UNSTABLE);
 *     ... point the code under test at jenkins.url() ...
 *     jenkins.advanceClock(Duration.ofMinutes(3));
 *     assertThat(jenkins.builds("app")).extracting(BuildView::result).containsExactly(BuildResult.UNSTABLE);
 * }
 * }</pre>
 *
 * Time: queue delays, build durations and the retention of left items run on a clock that is real time plus what the
 * test added with {@link #advanceClock}, or, after {@link #manualClock()}, only what the test added. State moves
 * lazily, when a request (or an inspection) arrives. With every delay zero (the default, "instant mode") a new item has
 * left the queue, started and finished by the next request.
 */
public final class JenkinsSimulator implements AutoCloseable {

    private final JenkinsModel model = new JenkinsModel();
    private final JenkinsApi api = new JenkinsApi(model);
    private final JenkinsFaults faults = new JenkinsFaults();
    private final List<JenkinsRequest> requests = new ArrayList<>();
    private final int port;
    private volatile Consumer<TriggerArrival> triggerListener;
    private SimHttpServer server;

    private JenkinsSimulator(int port) {
        this.server = new SimHttpServer(port, null, this::handle);
        this.port = server.port();
    }

    /** @return a started simulator on a free port, without users or jobs */
    public static JenkinsSimulator start() {
        return start(0);
    }

    /** @return a started simulator on this port (0: a free one) */
    public static JenkinsSimulator start(int port) {
        return new JenkinsSimulator(port);
    }

    /** @return the base URL, {@code http://127.0.0.1:PORT}, without a trailing slash */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    // ---- users and permissions

    /** Adds a user with a password and every permission everywhere. */
    public JenkinsSimulator addUser(String name, String password) {
        synchronized (model) {
            model.users.addWithAll(name, password);
        }
        return this;
    }

    /** Adds a user with a password and only these permissions, globally (an empty set: not even Overall/Read). */
    public JenkinsSimulator addUser(String name, String password, Set<Permission> global) {
        synchronized (model) {
            model.users.add(name, password, global);
        }
        return this;
    }

    /** Gives the user an API token (Basic {@code user:token}; such requests need no crumb). */
    public JenkinsSimulator apiToken(String user, String token) {
        synchronized (model) {
            model.users.apiToken(user, token);
        }
        return this;
    }

    /** Revokes one of the user's API tokens (as on the user's Security page): requests with it answer 401. */
    public JenkinsSimulator revokeApiToken(String user, String token) {
        synchronized (model) {
            model.users.revokeApiToken(user, token);
        }
        return this;
    }

    /** Grants permissions on an item (a folder's hold for everything inside it), in addition to global ones. */
    public JenkinsSimulator grant(String user, String itemPath, Permission... permissions) {
        synchronized (model) {
            model.users.grant(user, JobTree.split(itemPath), permissions);
        }
        return this;
    }

    /** Lets anonymous callers read (Overall/Read and Job/Read everywhere); by default they may do nothing. */
    public JenkinsSimulator allowAnonymousRead(boolean allowed) {
        synchronized (model) {
            model.users.anonymousRead(allowed);
        }
        return this;
    }

    // ---- items

    /** Creates a folder (and the folders above it when missing). */
    public JenkinsSimulator createFolder(String path) {
        synchronized (model) {
            model.tree.createFolder(path, Folder.Kind.FOLDER);
        }
        return this;
    }

    /** Creates a Pipeline job with these string parameters (default value empty); folders on the way are made. */
    public JenkinsSimulator createJob(String path, String... stringParameters) {
        return create(path, Job.Kind.PIPELINE, stringParameters);
    }

    /** Creates a freestyle project with these string parameters (default value empty). */
    public JenkinsSimulator createFreestyleJob(String path, String... stringParameters) {
        return create(path, Job.Kind.FREESTYLE, stringParameters);
    }

    /** Sets the default value of one of the job's parameters. */
    public JenkinsSimulator parameterDefault(String jobPath, String parameter, String value) {
        synchronized (model) {
            model.tree.job(jobPath).parameterDefault(parameter, value);
        }
        return this;
    }

    /** Creates a multibranch Pipeline project; its branch jobs come with {@link #addBranch}. */
    public JenkinsSimulator createMultibranch(String path) {
        synchronized (model) {
            model.tree.createFolder(path, Folder.Kind.MULTIBRANCH);
        }
        return this;
    }

    /**
     * Adds the job of a branch, named as branch-api names it ({@link BranchNames#encode}) with the branch as display
     * name.
     *
     * @return the job's full name, e.g. {@code repo/feature%2Ffoo}
     */
    public String addBranch(String multibranchPath, String branch, String... stringParameters) {
        synchronized (model) {
            Folder project = model.tree.folder(multibranchPath);
            if (project.kind() != Folder.Kind.MULTIBRANCH) {
                throw new IllegalArgumentException(multibranchPath + " is not a multibranch project");
            }
            Job job = new Job(BranchNames.encode(branch), project, Job.Kind.PIPELINE, parameters(stringParameters));
            job.displayName(branch);
            project.add(job);
            return job.fullName();
        }
    }

    /** Adds the job of a pull request, {@code PR-<id>}. @return its full name */
    public String addPullRequest(String multibranchPath, int id, String... stringParameters) {
        synchronized (model) {
            Folder project = model.tree.folder(multibranchPath);
            Job job = new Job("PR-" + id, project, Job.Kind.PIPELINE, parameters(stringParameters));
            project.add(job);
            return job.fullName();
        }
    }

    /** Disables or enables a job; triggering a disabled one answers 409. */
    public JenkinsSimulator disable(String jobPath, boolean disabled) {
        synchronized (model) {
            model.tree.job(jobPath).disabled(disabled);
        }
        return this;
    }

    /** Sets the job's "Trigger builds remotely" token ({@code ?token=}), which replaces the Build permission. */
    public JenkinsSimulator authToken(String jobPath, String token) {
        synchronized (model) {
            model.tree.job(jobPath).authToken(token);
        }
        return this;
    }

    /** Makes every schedule of the job vetoed (a {@code QueueDecisionHandler} says no): triggers answer 302. */
    public JenkinsSimulator veto(String jobPath, boolean vetoed) {
        synchronized (model) {
            model.tree.job(jobPath).vetoed(vetoed);
        }
        return this;
    }

    // ---- how the queue and builds behave

    /** @param queueDelay how long a new item waits for an executor; @param buildDuration how long builds run */
    public JenkinsSimulator delays(Duration queueDelay, Duration buildDuration) {
        synchronized (model) {
            model.queueDelay(queueDelay);
            model.buildDuration(buildDuration);
        }
        return this;
    }

    /** The default quiet period (real Jenkins: 5 s), used when a trigger sends no {@code delay}; 0 by default. */
    public JenkinsSimulator quietPeriod(Duration quietPeriod) {
        synchronized (model) {
            model.quietPeriod(quietPeriod);
        }
        return this;
    }

    /** How long a left item shows {@code executable: null} before its build starts; 0 by default. */
    public JenkinsSimulator executableLag(Duration lag) {
        synchronized (model) {
            model.executableLag(lag);
        }
        return this;
    }

    /** How long left items stay readable (real Jenkins: 5 minutes, the default), then 404. */
    public JenkinsSimulator leftItemRetention(Duration retention) {
        synchronized (model) {
            model.retention(retention);
        }
        return this;
    }

    /** The result of the job's builds when no scripted one is left; {@code SUCCESS} by default. */
    public JenkinsSimulator defaultResult(String jobPath, BuildResult result) {
        synchronized (model) {
            model.tree.job(jobPath).plan().defaultResult(result);
        }
        return this;
    }

    /** The results of the job's next builds, one each, in order; then the default result. */
    public JenkinsSimulator scriptResults(String jobPath, BuildResult... results) {
        synchronized (model) {
            model.tree.job(jobPath).plan().script(results);
        }
        return this;
    }

    /** How long this job's builds run, instead of the simulator-wide duration. */
    public JenkinsSimulator buildDuration(String jobPath, Duration duration) {
        synchronized (model) {
            model.tree.job(jobPath).plan().duration(duration);
        }
        return this;
    }

    /**
     * Shows the result of this job's builds while they still run, from this long after their start (a test publisher
     * marking {@code UNSTABLE}); {@code null}: only when they end.
     */
    public JenkinsSimulator resultWhileBuilding(String jobPath, Duration after) {
        synchronized (model) {
            model.tree.job(jobPath).plan().resultShownAfter(after);
        }
        return this;
    }

    /** Jenkins' configured root URL, used in JSON {@code url} fields; {@code null} (default): the request's host. */
    public JenkinsSimulator rootUrl(String rootUrl) {
        synchronized (model) {
            model.rootUrl(rootUrl);
        }
        return this;
    }

    // ---- time

    /** @return the simulator's now */
    public Instant now() {
        return Instant.ofEpochMilli(model.now());
    }

    /** Moves the simulator's clock forward. */
    public void advanceClock(Duration by) {
        model.clock.advance(by);
    }

    /**
     * Stops the clock following real time: from now on only {@link #advanceClock} moves it, so durations come out
     * exactly. By default the clock is real time plus what {@link #advanceClock} added.
     *
     * @return this
     */
    public JenkinsSimulator manualClock() {
        model.clock.manual();
        return this;
    }

    // ---- faults

    /** While on, every request is answered 503 (Jenkins down or starting, behind a proxy). */
    public void outage(boolean down) {
        faults.outage(down);
    }

    /** While on, the port is closed: connections are refused. The same port opens again when turned off. */
    public synchronized void refuseConnections(boolean refuse) {
        if (refuse && server != null) {
            server.close();
            server = null;
        } else if (!refuse && server == null) {
            server = new SimHttpServer(port, null, this::handle);
        }
    }

    /** Waits this long (real time) before answering each request. */
    public void latency(Duration latency) {
        faults.latency(latency);
    }

    /**
     * Requests whose raw path matches the glob are served at once and answered only after {@code delay}: what a client
     * sees when Jenkins did the work but its answer was slow or lost (a client killed meanwhile never learns of it).
     * {@code null} turns it off.
     */
    public void slowAnswers(String pathGlob, Duration delay) {
        faults.slowAnswers(pathGlob, delay);
    }

    /** The next {@code count} requests whose raw path matches the glob are answered with this error status. */
    public void failNext(int count, int status, String pathGlob) {
        faults.failNext(count, status, pathGlob);
    }

    /**
     * Restarts Jenkins at once: left queue items (kept in memory only) and web sessions are forgotten, waiting items
     * and builds stay (Pipeline builds resume), queue ids go on from where they were.
     */
    public void restart() {
        synchronized (model) {
            model.restart();
        }
    }

    // ---- inspection

    /** @return the job's builds, newest first */
    public List<BuildView> builds(String jobPath) {
        synchronized (model) {
            model.advance();
            long now = model.now();
            return model.tree.job(jobPath).builds().stream().map(b -> new BuildView(b.job().fullName(), b.number(), b
                    .queueId(), values(b.parameters()), b.result(now), b.building(now),
                    Instant.ofEpochMilli(b
                            .startedAt())))
                    .toList();
        }
    }

    /** @return the items still in the queue (waiting or buildable), oldest first */
    public List<QueueItemView> queuedItems() {
        synchronized (model) {
            model.advance();
            return model.queue.inQueue(model.now()).stream().map(this::view).toList();
        }
    }

    /** @return the queue item, while Jenkins still knows it */
    public Optional<QueueItemView> queueItem(long id) {
        synchronized (model) {
            model.advance();
            return Optional.ofNullable(model.queue.get(id)).map(this::view);
        }
    }

    /** @return how many trigger requests for the job were accepted into the queue, merged ones included */
    public int triggerCount(String jobPath) {
        synchronized (model) {
            return model.triggerCount(model.tree.job(jobPath).fullName());
        }
    }

    /** @return every request answered, oldest first */
    public List<JenkinsRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** @return how many requests with this method had a raw path matching the glob ({@code /job/app/*}{@code /api/json}) */
    public long requestCount(String method, String pathGlob) {
        return requests().stream().filter(r -> r.matches(method, pathGlob)).count();
    }

    /** @return the same, counting only requests answered in {@code [from, to)} on the simulator's clock */
    public long requestCount(String method, String pathGlob, Instant from, Instant to) {
        return requests().stream().filter(r -> r.matches(method, pathGlob) && !r.at().isBefore(from) && r.at()
                .isBefore(to)).count();
    }

    /**
     * Tells {@code listener} of every trigger request ({@code buildWithParameters}, {@code build}) once it is answered,
     * with the time it arrived: a benchmark's way to time a client from its input to Jenkins. Called on the serving
     * thread, so it must be quick; {@code null} stops it.
     */
    public JenkinsSimulator onTrigger(Consumer<TriggerArrival> listener) {
        this.triggerListener = listener;
        return this;
    }

    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private SimResponse handle(SimRequest request) {
        long arrived = System.nanoTime();
        faults.delay();
        String path = request.uri().getRawPath();
        SimResponse response = faults.take(path);
        String user = null;
        if (response == null) {
            synchronized (model) {
                model.advance();
                JenkinsApi.Served served = api.serve(request);
                response = served.response().header("X-Jenkins", JenkinsModel.VERSION).header("X-Jenkins-Session",
                        model.instanceSession());
                user = served.user();
            }
        }
        synchronized (requests) {
            requests.add(new JenkinsRequest(request.method(), path, request.uri().getRawQuery(), response.status(),
                    user, Instant.ofEpochMilli(model.now())));
        }
        Consumer<TriggerArrival> listener = triggerListener;
        if (listener != null && TriggerArrival.isTrigger(request.method(), path)) {
            Map<String, String> parameters = new LinkedHashMap<>();
            Call.of(request, null, null).parameters().forEach((name, values) -> parameters.put(name, values.get(0)));
            listener.accept(new TriggerArrival(path, parameters, response.status(), arrived));
        }
        faults.delayAnswer(path);
        return response;
    }

    private JenkinsSimulator create(String path, Job.Kind kind, String... stringParameters) {
        synchronized (model) {
            model.tree.createJob(path, kind, parameters(stringParameters));
        }
        return this;
    }

    private QueueItemView view(QueueItem item) {
        return new QueueItemView(item.id(), item.job().fullName(), values(item.parameters()), item.state(model.now())
                .name(), item.cancelled(), item.build() == null ? null : item.build().number());
    }

    private static List<JobParameter> parameters(String... names) {
        return Arrays.stream(names).map(n -> new JobParameter(n, "")).toList();
    }

    private static Map<String, String> values(List<ParamValue> values) {
        Map<String, String> out = new LinkedHashMap<>();
        if (values != null) {
            values.forEach(v -> out.put(v.name(), v.value()));
        }
        return out;
    }
}
