package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import dev.bitbridge.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./bitbridge build} (what {@code up} does first) builds the services the launcher lists, and only those whose
 * sources changed. It runs the real script and the real {@code modules} command against a {@link FakeRepository},
 * with a fake {@code mvnw} that records its arguments and touches the artifacts it was asked for.
 */
class BitbridgeBuildTest {

    private static final Path SCRIPT = TestJvm.testClasses().getParent().getParent().getParent().resolve("bitbridge");
    private static final Duration LATER = Duration.ofMinutes(1);

    @Test
    void buildsWhatTheCatalogListsThenOnlyWhatChanged() throws Exception {
        FakeRepository repo = repository();

        assertThat(build(repo))
                .contains("Building webhook-ingress, bitbucket-connector, commit-analyzer, build-trigger,"
                        + " status-reporter");
        assertThat(mavenCalls(repo)).singleElement().asString().endsWith(
                "install -pl webhook-ingress,bitbucket-connector,commit-analyzer,build-trigger,status-reporter -am");

        assertThat(build(repo)).as("nothing changed").doesNotContain("Building");
        assertThat(mavenCalls(repo)).hasSize(1);

        repo.date("testkit/src/main", LATER);
        assertThat(build(repo)).as("a test library changed").doesNotContain("Building");
        assertThat(mavenCalls(repo)).hasSize(1);

        repo.date("credentials/src/main", LATER);
        assertThat(build(repo)).as("the credential store: the connector and build-trigger")
                .contains("Building bitbucket-connector, build-trigger (");
        assertThat(mavenCalls(repo)).hasSize(2).last().asString()
                .endsWith("install -pl bitbucket-connector,build-trigger -am");

        repo.date("api/src/main", LATER.multipliedBy(2));
        assertThat(build(repo)).as("a library of the connector, the analyzer, build-trigger and status-reporter changed")
                .contains("Building bitbucket-connector, commit-analyzer, build-trigger, status-reporter (");
        assertThat(mavenCalls(repo)).hasSize(3).last().asString()
                .endsWith("install -pl bitbucket-connector,commit-analyzer,build-trigger,status-reporter -am");
    }

    /**
     * The launcher is built first and on its own, so that it is the up-to-date catalog that says what to build next;
     * building it must not make a service whose sources changed before look built.
     */
    @Test
    void buildsAnOutdatedLauncherFirstThenTheServicesThatChanged() throws Exception {
        FakeRepository repo = repository();
        for (String module : ServiceCatalog.modules()) {
            Path artifact = repo.write(ServiceCatalog.artifact(module).toString(), "built");
            Files.setLastModifiedTime(artifact, FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
        }
        repo.date("webhook-ingress/src/main", Duration.ofMinutes(-10));
        repo.date("launcher/src/main", LATER);

        String output = build(repo);

        assertThat(mavenCalls(repo)).hasSize(2);
        assertThat(mavenCalls(repo).get(0)).as(output).endsWith("install -pl launcher -am");
        assertThat(mavenCalls(repo).get(1)).as(output).endsWith("install -pl webhook-ingress -am");
    }

    /**
     * A repository like ours, every source an hour old, with the script, a fake {@code mvnw} and a launcher jar made
     * just now (so that it is up to date) which runs this module's {@link Main}.
     */
    private static FakeRepository repository() throws Exception {
        FakeRepository repo = FakeRepository.likeOurs(TestPaths.tempDir("repo-"));
        repo.date(".", Duration.ofHours(-1));
        Files.copy(SCRIPT, repo.root.resolve("bitbridge"), StandardCopyOption.COPY_ATTRIBUTES);
        Path mvnw = repo.write("mvnw", """
                #!/usr/bin/env bash
                echo "$*" >>mvnw.calls
                while [[ $# -gt 0 ]]; do
                  if [[ "$1" == -pl ]]; then
                    IFS=, read -ra modules <<<"$2"
                    for m in "${modules[@]}"; do
                      if [[ "$m" == launcher ]]; then touch launcher/target/bitbridge-launcher.jar; continue; fi
                      mkdir -p "$m/target/quarkus-app" && touch "$m/target/quarkus-app/quarkus-run.jar"
                    done
                  fi
                  shift
                done
                """);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwx------"));
        writeLauncherJar(repo.root.resolve("launcher/target/bitbridge-launcher.jar"));
        return repo;
    }

    /**
     * A jar that runs {@link Main} as the real one does, its class path pointing at the classes {@code modules} needs
     * rather than at {@code target/lib}, which only {@code package} fills, after the tests.
     */
    private static void writeLauncherJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                Stream.of(Main.class, Topics.class, KafkaException.class, org.jboss.logmanager.LogManager.class)
                        .map(BitbridgeBuildTest::location).distinct().collect(Collectors.joining(" ")));
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is all it holds.
        }
    }

    private static String location(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code ./bitbridge build} in the repository; asserts it succeeds and returns its output. */
    private static String build(FakeRepository repo) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", repo.root.resolve("bitbridge").toString(), "build")
                .redirectErrorStream(true);
        builder.environment().put("BITBRIDGE_HOME", repo.root.resolve(".bitbridge").toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<String> mavenCalls(FakeRepository repo) throws IOException {
        Path calls = repo.root.resolve("mvnw.calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
