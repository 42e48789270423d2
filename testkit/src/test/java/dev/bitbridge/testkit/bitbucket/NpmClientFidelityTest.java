package dev.bitbridge.testkit.bitbucket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Cloud simulator driven by a client written against the real service: the npm package {@code bitbucket}, generated
 * from Bitbucket Cloud's OpenAPI description ({@code src/test/node}). Its paths, parameters and field names are
 * Atlassian's, so a simulator that drifted into our own assumptions fails here. Skipped, with the reason, where node or
 * the npm registry is not available.
 */
class NpmClientFidelityTest {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(
            NpmClientFidelityTest.class);
    static final Path SOURCES = Path.of("src/test/node");
    static final Path WORK = Path.of("target/npm-fidelity");
    static final String[] SCOPES = { "read:user:bitbucket", "read:repository:bitbucket", "write:repository:bitbucket",
            "read:webhook:bitbucket", "write:webhook:bitbucket", "delete:webhook:bitbucket",
            "read:pullrequest:bitbucket" };

    @Test
    void theGeneratedClientWorksAgainstTheSimulator() throws Exception {
        assumeTrue(runs("node", "--version"), "node is not installed: the npm client cannot run");
        assumeTrue(runs("npm", "--version"), "npm is not installed: the npm client cannot be fetched");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "fidelity.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Result install = run(180, "npm", "ci", "--no-audit", "--no-fund");
        assumeTrue(install.exit() == 0, "npm ci failed (is the npm registry reachable?): " + install.output());

        try (BitbucketSimulator bitbucket = BitbucketSimulator.cloud()) {
            Account jane = bitbucket.addAccount("Jane Doe", "jane@example.com");
            bitbucket.credentials().apiToken(jane, "jane-token", SCOPES);
            RepoRef repo = bitbucket.createRepository("acme", "api");
            bitbucket.createRepository("acme", "web");
            String commit = bitbucket.push(repo, "main", NewCommit.by(jane, "first"));

            Result result = run(60, "node", "fidelity.mjs", bitbucket.baseUrl(), "jane@example.com", "jane-token",
                    "acme", "api", commit, "https://ci.example.com/hook");

            LOG.info("npm client against the simulator:\n" + result.output());
            assertThat(result.output()).doesNotContain("FAIL").contains("ok user.get",
                    "ok repositories.list with pagination", "ok repositories.createWebhook",
                    "ok repositories.deleteWebhook", "ok commitstatuses.createBuildStatus");
            assertThat(result.exit()).isZero();
        }
    }

    private static boolean runs(String... command) {
        try {
            return run(30, command).exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(int seconds, String... command) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(WORK.toFile())
                .redirectErrorStream(true).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + seconds + " s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
