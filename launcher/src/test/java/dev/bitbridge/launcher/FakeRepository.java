package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A repository with the shape of ours (a root pom listing modules, each with a pom and {@code src/main}) but no code,
 * so that tests can say exactly which module depends on which, and date each file as they need.
 */
final class FakeRepository {

    final Path root;
    private final List<String> modules = new ArrayList<>();

    FakeRepository(Path root) {
        this.root = root;
    }

    /**
     * Adds a module with one source file.
     *
     * @param dependencies {@code artifactId} or {@code artifactId:scope}, e.g. {@code bitbridge-testkit:test}
     */
    FakeRepository module(String folder, String artifactId, String... dependencies) {
        StringBuilder deps = new StringBuilder();
        for (String dependency : dependencies) {
            String[] parts = dependency.split(":");
            deps.append("    <dependency><groupId>dev.bitbridge</groupId><artifactId>").append(parts[0])
                    .append("</artifactId>").append(parts.length > 1 ? "<scope>" + parts[1] + "</scope>" : "")
                    .append("</dependency>\n");
        }
        write(folder + "/pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <parent><groupId>dev.bitbridge</groupId><artifactId>bitbridge-parent</artifactId></parent>
                  <artifactId>%s</artifactId>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(artifactId, deps));
        write(folder + "/src/main/java/Code.java", "class Code {}\n");
        modules.add(folder);
        return this;
    }

    /**
     * Writes the root pom listing the modules added so far. Managed dependencies and plugins name modules too; they
     * must not count as dependencies of anything.
     */
    FakeRepository rootPom() {
        StringBuilder list = new StringBuilder();
        modules.forEach(m -> list.append("    <module>").append(m).append("</module>\n"));
        write("pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <artifactId>bitbridge-parent</artifactId>
                  <modules>
                %s  </modules>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>dev.bitbridge</groupId><artifactId>bitbridge-credentials</artifactId></dependency>
                  </dependencies></dependencyManagement>
                </project>
                """.formatted(list));
        return this;
    }

    /** Our repository's shape: which service depends on which library, test scope included where it is real. */
    static FakeRepository likeOurs(Path root) {
        return new FakeRepository(root)
                .module("events", "bitbridge-events")
                .module("platform", "bitbridge-platform", "bitbridge-events", "bitbridge-testkit:test")
                .module("testkit", "bitbridge-testkit", "bitbridge-events")
                .module("credentials", "bitbridge-credentials")
                .module("api", "bitbridge-api", "bitbridge-platform")
                .module("webhook-ingress", "webhook-ingress", "bitbridge-events", "bitbridge-platform",
                        "bitbridge-testkit:test")
                .module("bitbucket-connector", "bitbucket-connector", "bitbridge-events", "bitbridge-credentials",
                        "bitbridge-platform", "bitbridge-api", "bitbridge-testkit:test")
                .module("commit-analyzer", "commit-analyzer", "bitbridge-events", "bitbridge-platform", "bitbridge-api",
                        "bitbridge-testkit:test")
                .module("build-trigger", "build-trigger", "bitbridge-events", "bitbridge-platform", "bitbridge-api",
                        "bitbridge-credentials", "bitbridge-testkit:test")
                .module("status-reporter", "status-reporter", "bitbridge-events", "bitbridge-platform",
                        "bitbridge-api", "bitbridge-testkit:test")
                .module("launcher", "bitbridge-launcher", "bitbridge-events", "bitbridge-testkit:test")
                .rootPom();
    }

    Path write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dates every file under {@code relative} (a file or a folder) to now plus {@code offset}. */
    void date(String relative, Duration offset) {
        FileTime time = FileTime.from(Instant.now().plus(offset));
        try (Stream<Path> files = Files.walk(root.resolve(relative))) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, time);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
