package dev.bitbridge.testkit.jenkins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The simulator driven by a client written against real Jenkins: python-jenkins 1.4.0 as Debian packages it
 * ({@code python3-jenkins}, bookworm), fetched with {@code apt-get download} and unpacked with {@code dpkg-deb} under
 * {@code target/python-jenkins} (nothing is installed on the system), run by Debian's {@code /usr/bin/python3} on
 * {@code src/test/python/jenkins_fidelity.py}. It authenticates with a password, so it fetches its crumb itself and
 * sends it with its session cookie. Skipped, with the reason, where apt, dpkg-deb or python3 are missing or the
 * packages cannot be fetched.
 */
class PythonJenkinsFidelityTest {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(
            PythonJenkinsFidelityTest.class);
    static final Path SCRIPT = Path.of("src/test/python/jenkins_fidelity.py");
    static final Path WORK = Path.of("target/python-jenkins");
    static final List<String> PACKAGES = List.of("python3-jenkins", "python3-multi-key-dict", "python3-pbr",
            "python3-six");
    static final List<String> REQUESTS = List.of("python3-requests", "python3-urllib3", "python3-idna",
            "python3-certifi", "python3-charset-normalizer", "python3-chardet");

    @Test
    void pythonJenkinsWorksAgainstTheSimulator() throws Exception {
        assumeTrue(runs("apt-get", "--version"), "apt-get is not installed: python3-jenkins cannot be fetched");
        assumeTrue(runs("dpkg-deb", "--version"), "dpkg-deb is not installed: the packages cannot be unpacked");
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        assumeTrue(runs(python, "--version"), "python3 is not installed: python-jenkins cannot run");
        Path root = WORK.resolve("root").toAbsolutePath();
        Path sitePackages = root.resolve("usr/lib/python3/dist-packages");
        if (!Files.exists(sitePackages.resolve("jenkins/__init__.py"))) {
            unpack(python, root);
        }

        try (JenkinsSimulator jenkins = JenkinsSimulator.start()) {
            jenkins.addUser("jane", "jane-password").addUser("bot", "bot-password").apiToken("bot", "bot-token");
            jenkins.createJob("app", "COMMIT", "BRANCH").createJob("Games/Client").createJob("slow").createJob("off");
            jenkins.createMultibranch("repo");
            jenkins.addBranch("repo", "feature/foo");
            jenkins.disable("off", true).defaultResult("Games/Client", BuildResult.FAILURE);
            jenkins.delays(Duration.ofMillis(300), Duration.ofMillis(500)).executableLag(Duration.ofMillis(200));
            jenkins.buildDuration("slow", Duration.ofHours(1));

            Result result = run(120, Map.of("PYTHONPATH", sitePackages.toString()), python, SCRIPT.toAbsolutePath()
                    .toString(), jenkins.url(), "jane", "jane-password", "bot", "bot-token");

            LOG.info("python-jenkins against the simulator:\n" + result.output() + "requests:\n" + String.join("\n",
                    jenkins.requests().stream().map(r -> r.method() + " " + r.path() + (r.query() == null ? ""
                            : "?" + r.query()) + " " + r.status() + " " + r.user()).distinct().toList()));
            assertThat(result.output()).doesNotContainPattern("(?m)^FAIL ").contains("ok get_whoami jane",
                    "ok get_version 2.516.3", "ok get_job_info", "ok build_job with parameters (password, crumb)",
                    "ok get_queue_item and get_build_info", "ok build_job in a folder", "ok build_job on a branch job",
                    "ok stop_build", "ok disabled job refused", "ok get_queue_info", "ok bad credentials refused",
                    "ok build_job with an API token");
            assertThat(result.exit()).isZero();
            // the password client fetched a crumb and its POSTs carried it: none was refused
            assertThat(jenkins.requests()).anySatisfy(r -> assertThat(r.path() + " " + r.user()).isEqualTo(
                    "/crumbIssuer/api/json jane"));
            assertThat(jenkins.requests()).filteredOn(r -> r.method().equals("POST") && "jane".equals(r.user()))
                    .extracting(JenkinsRequest::status).isNotEmpty().doesNotContain(403);
            assertThat(jenkins.builds("repo/feature%2Ffoo")).hasSize(1);
        }
    }

    private static void unpack(String python, Path root) throws IOException, InterruptedException {
        Path debs = WORK.resolve("debs");
        Files.createDirectories(debs);
        List<String> packages = new ArrayList<>(PACKAGES);
        if (!runs(python, "-c", "import requests")) {
            packages.addAll(REQUESTS);
        }
        List<String> download = new ArrayList<>(List.of("apt-get", "download"));
        download.addAll(packages);
        Result fetched = run(debs, 300, Map.of(), download.toArray(String[]::new));
        assumeTrue(fetched.exit() == 0, "apt-get download " + packages + " failed (is a Debian mirror reachable?): "
                + fetched.output());
        try (Stream<Path> files = Files.list(debs)) {
            for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).toList()) {
                Result unpacked = run(60, Map.of(), "dpkg-deb", "-x", deb.toString(), root.toString());
                assumeTrue(unpacked.exit() == 0, "dpkg-deb -x " + deb + " failed: " + unpacked.output());
            }
        }
    }

    private static boolean runs(String... command) {
        try {
            return run(30, Map.of(), command).exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(int seconds, Map<String, String> env, String... command) throws IOException,
            InterruptedException {
        return run(Path.of("."), seconds, env, command);
    }

    private static Result run(Path dir, int seconds, Map<String, String> env, String... command) throws IOException,
            InterruptedException {
        Files.createDirectories(WORK);
        Path log = Files.createTempFile(WORK, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + seconds + " s: " + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private record Result(int exit, String output) {
    }
}
