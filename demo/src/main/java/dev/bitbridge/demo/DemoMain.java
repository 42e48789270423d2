package dev.bitbridge.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.ConsoleLog;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;
import dev.bitbridge.testkit.bitbucket.model.BuildStatus;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;

/**
 * What {@code ./bitbridge demo} runs once the suite is up: a Bitbucket Data Center simulator and a Jenkins simulator
 * in this process; then, through the suite's APIs only, an integration on that Bitbucket (the connector registers its
 * webhook there), analysis settings and a Jenkins target; then a push of {@code GAME-123: … #ci} to a feature branch
 * and a pull request from it. Each step of the loop is printed with the time it took since the push: webhook
 * accepted, commit enriched, task linked, build requested, Jenkins asked, the build running, INPROGRESS and SUCCESSFUL
 * on the commit and the pull request. The simulators stay up afterwards, to explore; {@code ./bitbridge down} stops
 * them. The last line says {@code DEMO DONE} or {@code DEMO FAILED}.
 */
public final class DemoMain {

    static final String INTEGRATION = "demo-dc";
    static final String JOB = "Games/Client";
    static final String BRANCH = "feature/GAME-123-animations";
    static final Duration PATIENCE = Duration.ofSeconds(120);

    private static final Logger OUT = ConsoleLog.named("bitbridge.demo");

    private final Map<String, String> options;
    private final SuiteApi api;
    private BitbucketSimulator bitbucket;
    private JenkinsSimulator jenkins;

    private DemoMain(Map<String, String> options) throws Exception {
        this.options = options;
        this.api = new SuiteApi(Files.readString(Path.of(options.get("token-file"))).strip());
    }

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.LogContext.getSystemLogContext().getLogger("org.apache.kafka")
                .setLevel(java.util.logging.Level.WARNING);
        Map<String, String> options = new LinkedHashMap<>(Map.of("bitbucket-port", "7990", "jenkins-port", "8088"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("connector", "analyzer", "trigger", "reporter", "kafka", "token-file")) {
            if (!options.containsKey(required)) {
                OUT.warning("usage: --connector URL --analyzer URL --trigger URL --reporter URL --kafka"
                        + " host:port --token-file PATH [--bitbucket-port 7990] [--jenkins-port 8088]");
                System.exit(2);
            }
        }
        DemoMain demo = new DemoMain(options);
        boolean done;
        try {
            done = demo.run();
        } catch (Exception e) {
            OUT.warning(System.lineSeparator() + "The demo could not go on: " + e.getMessage());
            done = false;
        }
        OUT.info(done ? "DEMO DONE" : "DEMO FAILED");
        if (!done) {
            demo.close();
            System.exit(1);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stop.countDown();
        }, "demo-stop"));
        stop.await();
    }

    private String commit;

    private boolean run() throws Exception {
        RepoRef repo = new RepoRef("GAME", "client");
        bitbucket = BitbucketSimulator.start(Flavor.DATA_CENTER, Integer.parseInt(options.get("bitbucket-port")),
                false);
        Account dana = bitbucket.addAccount("Dana Developer", "dana@example.com");
        Account bot = bitbucket.addAccount("Bitbridge Bot", "bot@example.com");
        bitbucket.createRepository(repo.owner(), repo.slug());
        bitbucket.credentials().dcUser(bot, "bot-password");
        bitbucket.credentials().grant(bot, DcPermission.REPO_ADMIN, repo.owner(), repo.slug());
        bitbucket.push(repo, "main", NewCommit.by(dana, "Initial commit"));
        jenkins = JenkinsSimulator.start(Integer.parseInt(options.get("jenkins-port")));
        jenkins.addUser("bitbridge", "jenkins-password").apiToken("bitbridge", "jenkins-api-token");
        jenkins.createFolder("Games");
        jenkins.createJob(JOB, "BITBRIDGE_REQUEST_ID", "COMMIT", "BRANCH", "TASK_KEYS");
        jenkins.delays(Duration.ofSeconds(1), Duration.ofSeconds(3));
        OUT.info("Bitbridge demo");
        OUT.info("  Bitbucket Data Center simulator  " + bitbucket.baseUrl() + "  (project GAME,"
                + " repository client)");
        OUT.info("  Jenkins simulator                " + jenkins.url() + "/  (job " + JOB + ")");
        OUT.info("");

        OUT.info("Configuring Bitbridge through its APIs, as you would:");
        String connector = options.get("connector");
        step("integration " + INTEGRATION + " (Data Center, basic credentials) created in the connector", () -> {
            api.call("DELETE", connector + "/api/v1/integrations/" + INTEGRATION, null, 200, 202, 204, 404);
            api.call("POST", connector + "/api/v1/integrations", """
                    {"name": "%s", "flavor": "datacenter", "baseUrl": "%s",
                     "credentials": {"kind": "datacenter-basic", "username": "%s", "password": "bot-password"}}"""
                    .formatted(INTEGRATION, bitbucket.baseUrl(), bot.name()), 201);
        });
        step("repository GAME/client connected: the connector registered its webhook on Bitbucket", () -> {
            String answer = api.call("POST", connector + "/api/v1/integrations/" + INTEGRATION + "/repositories",
                    "{\"repository\": \"GAME/client\"}", 200, 201);
            if (!answer.contains("\"registered\"") || bitbucket.hooks(repo).isEmpty()) {
                throw new IllegalStateException("the webhook was not registered: " + answer);
            }
        });
        step("analysis settings: task keys GAME-*, default job " + JOB + " (commit-analyzer)", () -> api.call("PUT",
                options.get("analyzer") + "/api/v1/integrations/" + INTEGRATION
                        + "/repositories/GAME/client/analysis-settings",
                """
                        {"projectKeys": ["GAME"], "linkTemplate": "https://jira.example.com/browse/{key}",
                         "defaultJob": "%s"}""".formatted(JOB), 200));
        step("Jenkins target set (build-trigger)", () -> api.call("PUT", options.get("trigger")
                + "/api/v1/integrations/" + INTEGRATION + "/jenkins-target", """
                        {"baseUrl": "%s", "username": "bitbridge", "credentialKind": "api-token",
                         "secret": "jenkins-api-token", "defaultJob": "%s"}""".formatted(jenkins.url(), JOB), 200));
        OUT.info("");

        try (Milestones seen = new Milestones(options.get("kafka"), List.of(Topics.COMMITS_V1,
                Topics.TASK_LINKS_V1, Topics.BUILD_REQUESTS_V1))) {
            jenkins.onTrigger(arrival -> seen.saw("jenkins"));
            String message = "GAME-123: new animations #ci";
            int deliveriesBefore = bitbucket.deliveries().size();
            long t0 = System.nanoTime();
            String commit = bitbucket.push(repo, BRANCH, NewCommit.by(dana, message));
            this.commit = commit;
            seen.watch("enriched", Topics.COMMITS_V1, v -> commit.equals(v.path("hash").asText()));
            seen.watch("linked", Topics.TASK_LINKS_V1, v -> commit.equals(v.path("commit").asText()));
            seen.watch("requested", Topics.BUILD_REQUESTS_V1, v -> commit.equals(v.path("commit").asText()));
            int pullRequest = bitbucket.openPullRequest(repo, BRANCH, repo, "main", dana, "GAME-123 new animations");
            OUT.info("Pushed \"" + message + "\" to " + BRANCH + " (commit " + commit.substring(0, 12)
                    + ") and opened pull request #" + pullRequest + ":");

            List<String[]> steps = List.of(
                    new String[] { "accepted", "webhook accepted by the ingress (202, on Kafka)" },
                    new String[] { "enriched", "commit enriched by the connector (bitbridge.commits.v1)" },
                    new String[] { "linked", "task GAME-123 linked by commit-analyzer (bitbridge.task-links.v1)" },
                    new String[] { "requested", "build of " + JOB + " requested (bitbridge.build-requests.v1)" },
                    new String[] { "jenkins", "Jenkins asked to build it, once (build-trigger)" },
                    new String[] { "INPROGRESS", "INPROGRESS on the commit and on pull request #" + pullRequest
                            + " (status-reporter; queued in Jenkins)" },
                    new String[] { "running", "Jenkins build " + JOB + " #1 running" },
                    new String[] { "SUCCESSFUL", "SUCCESSFUL on the commit and on pull request #" + pullRequest });
            List<String> printed = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            String ref = "refs/heads/" + BRANCH;
            while (printed.size() < steps.size() && System.nanoTime() < deadline) {
                if (bitbucket.deliveries().stream().skip(deliveriesBefore)
                        .anyMatch(d -> d.statusCode() == 202 && "repo:refs_changed".equals(d.eventKey()))) {
                    seen.saw("accepted");
                }
                if (!jenkins.builds(JOB).isEmpty()) {
                    seen.saw("running");
                }
                for (BuildStatus status : bitbucket.buildStatuses(repo)) {
                    if (status.commit().equals(commit) && ref.equals(status.ref())) {
                        seen.saw(status.state());
                    }
                }
                for (String[] step : steps) {
                    Long at = seen.seen(step[0]);
                    if (at != null && !printed.contains(step[0]) && printed.size() == steps.indexOf(step)) {
                        printed.add(step[0]);
                        OUT.info(String.format(Locale.ROOT, "  + %6d ms  %s", (at - t0) / 1_000_000, step[1]));
                    }
                }
                Thread.sleep(20);
            }
            if (printed.size() < steps.size()) {
                OUT.info("  ... no \"" + steps.get(printed.size())[1] + "\" within " + PATIENCE.toSeconds()
                        + " s: see ./bitbridge status and ./bitbridge logs");
                return false;
            }
        }
        OUT.info("");
        OUT.info("Everything is left running to explore (the token: " + options.get("token-file") + "):");
        OUT.info("  Bitbucket's statuses:  curl -sS -u '" + bot.name() + ":bot-password' "
                + bitbucket.baseUrl() + "/rest/build-status/1.0/commits/" + commit);
        OUT.info("  what was posted:       curl -sS -H \"Authorization: Bearer $(cat " + options.get(
                "token-file") + ")\" '" + options.get("reporter") + "/api/v1/statuses?integration=" + INTEGRATION
                + "&commit=" + commit + "'");
        OUT.info("  builds:                curl -sS -H \"Authorization: Bearer $(cat " + options.get(
                "token-file") + ")\" " + options.get("trigger") + "/api/v1/builds");
        OUT.info("  Jenkins:               " + jenkins.url() + "/job/Games/job/Client/api/json"
                + " (user bitbridge, API token jenkins-api-token)");
        OUT.info("  stop it all:           ./bitbridge down");
        return true;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String what, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        OUT.info(String.format(Locale.ROOT, "  ok %6d ms  %s", (System.nanoTime() - start) / 1_000_000, what));
    }

    private void close() {
        if (jenkins != null) {
            jenkins.close();
        }
        if (bitbucket != null) {
            bitbucket.close();
        }
    }
}
