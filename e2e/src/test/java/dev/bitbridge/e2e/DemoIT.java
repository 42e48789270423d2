package dev.bitbridge.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.bitbridge.testkit.FreePorts;
import dev.bitbridge.testkit.suite.LaunchedSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./bitbridge demo} shows a newcomer, against the suite as {@code ./bitbridge up} runs it: the packaged
 * demo process configures everything through the APIs, pushes a {@code #ci} commit and opens a pull request, and
 * prints every step of the loop in order, each with its time since the push, ending in {@code DEMO DONE}; its
 * simulators are still there afterwards, to explore.
 */
@ExtendWith(SharedSuite.class)
class DemoIT {

    static final Pattern STEP = Pattern.compile("  \\+ +(\\d+) ms  (.*)");
    static LaunchedSuite suite;
    static Process demo;

    @BeforeAll
    static void start() {
        suite = SharedSuite.suite();
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.destroy();
            demo.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDemoShowsEveryStepOfTheLoopInOrderAndLeavesTheSimulatorsRunning() throws Exception {
        Path jar = suite.repository().resolve("demo/target/bitbridge-demo.jar");
        assertThat(jar).exists();
        int bitbucketPort = FreePorts.next();
        int jenkinsPort = FreePorts.next();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        demo = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(),
                "--connector", "http://localhost:" + suite.port("BITBRIDGE_CONNECTOR_PORT"),
                "--analyzer", "http://localhost:" + suite.port("BITBRIDGE_ANALYZER_PORT"),
                "--trigger", "http://localhost:" + suite.port("BITBRIDGE_TRIGGER_PORT"),
                "--reporter", "http://localhost:" + suite.port("BITBRIDGE_REPORTER_PORT"),
                "--kafka", suite.kafka(), "--token-file", suite.adminTokenFile().toString(),
                "--bitbucket-port", Integer.toString(bitbucketPort), "--jenkins-port", Integer.toString(jenkinsPort))
                .redirectErrorStream(true).start();
        demo.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        CompletableFuture<String> last = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.equals("DEMO DONE") || line.equals("DEMO FAILED")) {
                        return line;
                    }
                }
                return "(the demo ended without a last line)";
            } catch (java.io.IOException e) {
                return "(its output could not be read: " + e.getMessage() + ")";
            }
        });
        String end = last.get(180, TimeUnit.SECONDS);
        String output;
        synchronized (lines) {
            output = String.join("\n", lines);
        }
        assertThat(end).as(output).isEqualTo("DEMO DONE");

        assertThat(lines.stream().filter(l -> l.startsWith("  ok "))).as(output).hasSize(4);
        List<String> steps = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (String line : lines) {
            Matcher step = STEP.matcher(line);
            if (step.matches()) {
                times.add(Long.parseLong(step.group(1)));
                steps.add(step.group(2));
            }
        }
        assertThat(steps).as(output).hasSize(8);
        assertThat(steps.get(0)).startsWith("webhook accepted");
        assertThat(steps.get(1)).startsWith("commit enriched");
        assertThat(steps.get(2)).startsWith("task GAME-123 linked");
        assertThat(steps.get(3)).startsWith("build of Games/Client requested");
        assertThat(steps.get(4)).startsWith("Jenkins asked");
        assertThat(steps.get(5)).startsWith("INPROGRESS on the commit and on pull request #1");
        assertThat(steps.get(6)).startsWith("Jenkins build Games/Client #1 running");
        assertThat(steps.get(7)).startsWith("SUCCESSFUL on the commit and on pull request #1");
        // The chain each step waits on: the commit, then the task link and the build request (one Kafka transaction,
        // so in either order), then Jenkins, then the result. The status posted when queued and the build starting
        // both follow Jenkins' answer, in either order.
        assertThat(List.of(times.get(1), Math.min(times.get(2), times.get(3)))).as(output).isSorted();
        assertThat(List.of(Math.max(times.get(2), times.get(3)), times.get(4), times.get(7))).as(output).isSorted();
        assertThat(times.get(5)).as(output).isGreaterThanOrEqualTo(times.get(4)).isLessThanOrEqualTo(times.get(7));
        assertThat(times.get(6)).as(output).isGreaterThanOrEqualTo(times.get(4)).isLessThanOrEqualTo(times.get(7));
        assertThat(times.get(7)).as("the whole loop, build included (4 s in Jenkins)").isLessThan(60_000);

        assertThat(demo.isAlive()).as("left running to explore").isTrue();
        HttpResponse<String> bitbucket = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + bitbucketPort + "/rest/api/1.0/application-properties")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bitbucket.statusCode()).isEqualTo(200);
        assertThat(Files.readString(suite.adminTokenFile()).strip()).as("the token is never printed")
                .isNotBlank().satisfies(token -> assertThat(output).doesNotContain(token));
    }
}
