package dev.bitbridge.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./bitbridge down} cleaning up after a supervisor that was killed, as after {@code kill -9} or an OOM, and
 * {@code ./bitbridge status} reading the table the supervisor left.
 */
class BitbridgeScriptTest {

    private static final Path SCRIPT = TestJvm.testClasses().getParent().getParent().getParent().resolve("bitbridge");

    @Test
    void downAfterAKilledSupervisorStopsItsServicesAndRemovesTheirArgumentFiles() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        Process supervisor = new ProcessBuilder("true").start();
        supervisor.waitFor(10, TimeUnit.SECONDS);
        // A service still running without its supervisor: the script recognises it by its name on the command line.
        Process orphan = new ProcessBuilder("bash", "-c", "exec -a webhook-ingress sleep 60").start();
        try {
            home.writePid(Supervisor.NAME, supervisor.pid());
            home.writePid(ServiceCatalog.WEBHOOK_INGRESS, orphan.pid());
            Files.writeString(home.statusFile(), String.join("\t", Supervisor.NAME, "ready", Long.toString(supervisor.pid()),
                    "-", home.logFile("launcher").toString(), "all components ready", "-") + "\n");
            Path argFile = home.runDir().resolve(ServiceCatalog.WEBHOOK_INGRESS + ".args");
            Files.writeString(argFile, "\"-Dbitbridge.ingress.sealing-keys.local=secret\"\n");

            ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "down").redirectErrorStream(true);
            builder.environment().put("BITBRIDGE_HOME", home.root().toString());
            Process down = builder.start();
            down.getOutputStream().close();
            String output = new String(down.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(down.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(down.exitValue()).as(output).isZero();
            assertThat(output).contains("Stopping leftover webhook-ingress (pid " + orphan.pid() + ")");
            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("the orphaned service stopped").isTrue();
            assertThat(argFile).as("the secrets it was started with").doesNotExist();
            assertThat(home.pidFile(ServiceCatalog.WEBHOOK_INGRESS)).doesNotExist();
            assertThat(Files.readString(home.statusFile())).startsWith(Supervisor.NAME + "\tstopped\t-\t");
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void statusShowsEachServiceWithItsPortAndManagementPort() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        StatusBoard board = new StatusBoard(home);
        board.register(Supervisor.NAME, 0, 0);
        board.register(ServiceCatalog.WEBHOOK_INGRESS, 0, 18080, 19000);
        board.register(ServiceCatalog.BITBUCKET_CONNECTOR, 0, 18081, 19002);
        board.set(ServiceCatalog.BITBUCKET_CONNECTOR, StatusBoard.State.STOPPED, "-");

        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "status").redirectErrorStream(true);
        builder.environment().put("BITBRIDGE_HOME", home.root().toString());
        Process status = builder.start();
        status.getOutputStream().close();
        String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(status.exitValue()).as("not running").isEqualTo(1);
        assertThat(output.lines()).anyMatch(l -> l.matches("bitbucket-connector +stopped +- +18081 +19002 *"))
                .anyMatch(l -> l.matches("webhook-ingress +dead +- +18080 +19000 .*"));
    }

    /**
     * What {@code up} prints once everything is ready (here: when a ready supervisor already runs, so that nothing is
     * started): each service's ports, and how to call the connector's and the analyzer's APIs with the admin token,
     * which is read from its file and never printed.
     */
    @Test
    void upPrintsTheConnectorsAndTheAnalyzersApisWithTheTokenFileNotTheToken() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        String adminToken = home.adminApiToken();
        Process supervisor = new ProcessBuilder("bash", "-c", "exec -a bitbridge-launcher sleep 60").start();
        try {
            StatusBoard board = new StatusBoard(home);
            board.register(Supervisor.NAME, supervisor.pid(), 0);
            board.register(Supervisor.POSTGRES, 0, 15432);
            board.register(Supervisor.KAFKA, supervisor.pid(), 19092);
            board.register(ServiceCatalog.WEBHOOK_INGRESS, 0, 18080, 19000);
            board.register(ServiceCatalog.BITBUCKET_CONNECTOR, 0, 18081, 19002);
            board.register(ServiceCatalog.COMMIT_ANALYZER, 0, 18083, 19003);
            board.register(ServiceCatalog.BUILD_TRIGGER, 0, 18084, 19004);
            board.register(ServiceCatalog.STATUS_REPORTER, 0, 18085, 19005);
            board.set(Supervisor.POSTGRES, StatusBoard.State.READY, "database bitbridge_connector, user postgres");
            board.names().forEach(n -> board.set(n, StatusBoard.State.READY, "-"));
            home.writePid(Supervisor.NAME, supervisor.pid());

            String output = run(home, "up");

            String settings = "http://localhost:18083/api/v1/integrations";
            String auth = "-H \"Authorization: Bearer $(cat '" + home.root().resolve("data/secrets/admin-api-token")
                    + "')\"";
            assertThat(output).contains("Bitbridge is already running")
                    .contains("Connector:   http://localhost:18081/api/v1/integrations  (management API, localhost only)")
                    .contains("Analyzer:    " + settings
                            + "/{integration}/repositories/{owner}/{slug}/analysis-settings")
                    .contains("http://localhost:19003/q/health/ready, /q/metrics, /q/openapi  (localhost only)")
                    .contains("with the analyzer's API, same token (OpenAPI: http://localhost:19003/q/openapi)")
                    .contains("curl -sS -X PUT " + settings + "/acme-cloud/repositories/acme/widgets/analysis-settings")
                    .contains("-d '{\"projectKeys\":[\"GAME\"],\"defaultJob\":\"app\",\"rules\":[{\"id\":\"main\","
                            + "\"events\":[\"push\"],\"branches\":[\"main\"],\"trigger\":\"always\"}]}'")
                    .contains("read them back:        curl -sS " + settings
                            + "/acme-cloud/repositories/acme/widgets/analysis-settings " + auth)
                    .contains("Trigger:     http://localhost:18084/api/v1/integrations/{integration}/jenkins-target,"
                            + " http://localhost:18084/api/v1/builds")
                    .contains("http://localhost:19004/q/health/ready, /q/metrics, /q/openapi  (localhost only)")
                    .contains("with build-trigger's API, same token (OpenAPI: http://localhost:19004/q/openapi)")
                    .contains("curl -sS -X PUT http://localhost:18084/api/v1/integrations/acme-cloud/jenkins-target")
                    .contains("\"secret\":\"<Jenkins API token>\"")
                    .contains("Reporter:    http://localhost:18085/api/v1/statuses?integration={integration}"
                            + "&commit={hash}")
                    .contains("http://localhost:19005/q/health/ready, /q/metrics, /q/openapi  (localhost only)")
                    .doesNotContain(adminToken);
        } finally {
            supervisor.destroyForcibly();
        }
    }

    /** A table without the analyzer (a supervisor started before it existed): nothing is said about it. */
    @Test
    void upSaysNothingOfAnAnalyzerTheRunningSupervisorDoesNotHave() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        Process supervisor = new ProcessBuilder("bash", "-c", "exec -a bitbridge-launcher sleep 60").start();
        try {
            StatusBoard board = new StatusBoard(home);
            board.register(Supervisor.NAME, supervisor.pid(), 0);
            board.register(ServiceCatalog.BITBUCKET_CONNECTOR, 0, 18081, 19002);
            board.set(Supervisor.NAME, StatusBoard.State.READY, "all components ready");
            home.writePid(Supervisor.NAME, supervisor.pid());

            String output = run(home, "up");

            assertThat(output).contains("Connector:   http://localhost:18081/api/v1/integrations")
                    .doesNotContain("Analyzer").doesNotContain("analysis-settings")
                    .doesNotContain("Trigger").doesNotContain("jenkins-target")
                    .contains("stop everything:       ./bitbridge down");
        } finally {
            supervisor.destroyForcibly();
        }
    }

    @Test
    void logsTakesTheShortNamesOfTheServices() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        Files.writeString(home.logFile(ServiceCatalog.COMMIT_ANALYZER), "analyzer line\n");
        Files.writeString(home.logFile(ServiceCatalog.BITBUCKET_CONNECTOR), "connector line\n");
        Files.writeString(home.logFile(ServiceCatalog.BUILD_TRIGGER), "trigger line\n");

        assertThat(run(home, "logs", "analyzer")).isEqualTo("analyzer line\n");
        assertThat(run(home, "logs", "commit-analyzer")).isEqualTo("analyzer line\n");
        assertThat(run(home, "logs", "connector")).isEqualTo("connector line\n");
        assertThat(run(home, "logs", "trigger")).isEqualTo("trigger line\n");
        assertThat(run(home, "logs", "build-trigger")).isEqualTo("trigger line\n");
        Files.writeString(home.logFile(ServiceCatalog.STATUS_REPORTER), "reporter line\n");
        assertThat(run(home, "logs", "reporter")).isEqualTo("reporter line\n");
    }

    /**
     * {@code restart connector} files the request the supervisor serves and waits until the component is ready again:
     * here a stand-in supervisor marks it restarting, takes the request and, a moment later, ready with a new pid, as
     * {@link Supervisor} does.
     */
    @Test
    void restartOfOneServiceFilesARequestAndWaitsUntilItIsReadyAgain() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        Process supervisor = new ProcessBuilder("bash", "-c", "exec -a bitbridge-launcher sleep 60").start();
        try {
            StatusBoard board = new StatusBoard(home);
            board.register(Supervisor.NAME, supervisor.pid(), 0);
            board.register(ServiceCatalog.BITBUCKET_CONNECTOR, 4242, 18081, 19002);
            board.names().forEach(n -> board.set(n, StatusBoard.State.READY, "-"));
            home.writePid(Supervisor.NAME, supervisor.pid());
            RestartRequests requests = new RestartRequests(home);
            Thread standIn = new Thread(() -> {
                try {
                    while (!requests.pending().contains(ServiceCatalog.BITBUCKET_CONNECTOR)) {
                        Thread.sleep(50);
                    }
                    board.set(ServiceCatalog.BITBUCKET_CONNECTOR, StatusBoard.State.STARTING, "restarting on request");
                    requests.taken(ServiceCatalog.BITBUCKET_CONNECTOR);
                    Thread.sleep(700);
                    board.setPid(ServiceCatalog.BITBUCKET_CONNECTOR, 4343);
                    board.set(ServiceCatalog.BITBUCKET_CONNECTOR, StatusBoard.State.READY, "-");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            standIn.start();

            String output = run(home, "restart", "connector");
            standIn.join(10_000);

            assertThat(output).contains("Restarting bitbucket-connector...")
                    .contains("bitbucket-connector is ready again").contains("(pid 4343)");
            assertThat(requests.pending()).isEmpty();
        } finally {
            supervisor.destroyForcibly();
        }
    }

    @Test
    void restartOfAnUnknownComponentOrWithoutASupervisorSaysWhatToDo() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();

        assertThat(fail(home, "restart", "jenkins")).contains("Cannot restart 'jenkins': give one of ingress,"
                + " connector, analyzer, trigger, reporter, kafka");
        assertThat(fail(home, "restart", "trigger")).contains("Bitbridge is not running: start it with ./bitbridge up");
        assertThat(new RestartRequests(home).pending()).as("nothing filed").isEmpty();
    }

    /** Runs {@code ./bitbridge <args>} with the home; asserts it succeeds and returns its output. */
    private static String run(LauncherHome home, String... args) throws Exception {
        return script(home, true, args);
    }

    /** Runs {@code ./bitbridge <args>} with the home; asserts it fails and returns its output. */
    private static String fail(LauncherHome home, String... args) throws Exception {
        return script(home, false, args);
    }

    private static String script(LauncherHome home, boolean succeeds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BITBRIDGE_HOME", home.root().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (succeeds) {
            assertThat(process.exitValue()).as(output).isZero();
        } else {
            assertThat(process.exitValue()).as(output).isNotZero();
        }
        return output;
    }
}
