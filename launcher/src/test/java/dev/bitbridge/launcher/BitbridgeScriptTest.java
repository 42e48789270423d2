package dev.bitbridge.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
