package dev.bitbridge.launcher;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitbridge.launcher.StatusBoard.State;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run/status.tsv}, which the {@code ./bitbridge} script reads by column number: the first six columns keep
 * their positions, the management port is the seventh.
 */
class StatusBoardTest {

    @Test
    void writesOneTabSeparatedLinePerComponentWithTheManagementPortLast() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        StatusBoard board = new StatusBoard(home);

        board.register(Supervisor.NAME, 100, 0);
        board.register(Supervisor.KAFKA, 100, 9092);
        board.register("webhook-ingress", 0, 8080, 9000);
        board.setPid("webhook-ingress", 200);
        board.set("webhook-ingress", State.READY, "http://localhost:9000/q/health/ready");

        List<String[]> rows = Files.readAllLines(home.statusFile()).stream().map(l -> l.split("\t", -1)).toList();
        assertThat(rows).extracting(r -> r[0]).containsExactly(Supervisor.NAME, Supervisor.KAFKA, "webhook-ingress");
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(7));
        assertThat(rows.get(2)).containsExactly("webhook-ingress", "ready", "200", "8080",
                home.logFile("webhook-ingress").toString(), "http://localhost:9000/q/health/ready", "9000");
        assertThat(rows.get(1)).containsExactly(Supervisor.KAFKA, "starting", "100", "9092",
                home.logFile(Supervisor.KAFKA).toString(), "-", "-");
        assertThat(rows.get(0)[4]).as("the supervisor's log").isEqualTo(home.logFile("launcher").toString());
    }
}
