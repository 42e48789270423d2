package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a service is rebuilt for: its own sources and those of the modules it runs with, read from the poms. */
class BuildInputsTest {

    @Test
    void aServiceIsBuiltFromItselfAndTheModulesItRunsWithNotItsTestLibraries() {
        BuildInputs inputs = BuildInputs.read(FakeRepository.likeOurs(TestPaths.tempDir("repo-")).root);

        assertThat(inputs.of("bitbucket-connector")).containsExactly("pom.xml",
                "bitbucket-connector/pom.xml", "bitbucket-connector/src/main",
                "events/pom.xml", "events/src/main",
                "credentials/pom.xml", "credentials/src/main",
                "platform/pom.xml", "platform/src/main",
                "api/pom.xml", "api/src/main");
        assertThat(inputs.of("webhook-ingress")).containsExactly("pom.xml",
                "webhook-ingress/pom.xml", "webhook-ingress/src/main", "events/pom.xml", "events/src/main",
                "platform/pom.xml", "platform/src/main");
        assertThat(inputs.of("commit-analyzer")).containsExactly("pom.xml",
                "commit-analyzer/pom.xml", "commit-analyzer/src/main", "events/pom.xml", "events/src/main",
                "platform/pom.xml", "platform/src/main", "api/pom.xml", "api/src/main");
    }

    @Test
    void followsDependenciesThroughOtherModulesAndIgnoresManagedAndPluginOnes() {
        FakeRepository repo = new FakeRepository(TestPaths.tempDir("repo-"))
                .module("events", "bitbridge-events")
                .module("credentials", "bitbridge-credentials", "bitbridge-events")
                .module("testkit", "bitbridge-testkit")
                .module("service", "service");
        // Named in dependencyManagement and by a plugin: neither is a dependency of the service's jar.
        repo.write("service/pom.xml", """
                <project>
                  <artifactId>service</artifactId>
                  <dependencyManagement><dependencies>
                    <dependency><artifactId>bitbridge-testkit</artifactId></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><artifactId>bitbridge-credentials</artifactId><scope>compile</scope></dependency>
                    <dependency><artifactId>quarkus-rest</artifactId></dependency>
                  </dependencies>
                  <build><plugins><plugin><dependencies>
                    <dependency><artifactId>bitbridge-testkit</artifactId></dependency>
                  </dependencies></plugin></plugins></build>
                </project>
                """);
        repo.rootPom();

        assertThat(BuildInputs.read(repo.root).of("service")).containsExactly("pom.xml",
                "service/pom.xml", "service/src/main",
                "credentials/pom.xml", "credentials/src/main",
                "events/pom.xml", "events/src/main");
    }

    @Test
    void refusesAModuleTheRootPomDoesNotList() {
        BuildInputs inputs = BuildInputs.read(FakeRepository.likeOurs(TestPaths.tempDir("repo-")).root);

        assertThatThrownBy(() -> inputs.of("deploy-operator"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deploy-operator is not a module of the root pom.xml");
    }

    /** The real poms: what ./bitbridge would rebuild the connector for today. */
    @Test
    void readsThisRepository() {
        BuildInputs inputs = BuildInputs.read(Path.of("..").toAbsolutePath().normalize());

        assertThat(inputs.of(ServiceCatalog.BITBUCKET_CONNECTOR))
                .contains("pom.xml", "bitbucket-connector/src/main", "events/src/main", "credentials/src/main")
                .doesNotContain("testkit/src/main", "webhook-ingress/src/main");
        assertThat(inputs.of(ServiceCatalog.WEBHOOK_INGRESS))
                .contains("webhook-ingress/src/main", "events/src/main")
                .doesNotContain("testkit/src/main", "credentials/src/main");
        assertThat(inputs.of(ServiceCatalog.COMMIT_ANALYZER))
                .contains("commit-analyzer/src/main", "events/src/main", "platform/src/main", "api/src/main")
                .doesNotContain("testkit/src/main", "credentials/src/main", "bitbucket-connector/src/main");
    }

    /** The table the script reads: one line per catalog service, its module, artifact and inputs, tab-separated. */
    @Test
    void theModulesCommandListsEveryCatalogServiceWithItsArtifactAndInputs() {
        Path root = FakeRepository.likeOurs(TestPaths.tempDir("repo-")).root;

        List<String[]> rows = Main.moduleTable(root).stream().map(l -> l.split("\t", -1)).toList();

        assertThat(rows).extracting(r -> r[0]).containsExactlyElementsOf(ServiceCatalog.modules());
        assertThat(rows.get(1)).containsExactly("bitbucket-connector",
                "bitbucket-connector/target/quarkus-app/quarkus-run.jar", "pom.xml",
                "bitbucket-connector/pom.xml", "bitbucket-connector/src/main", "events/pom.xml", "events/src/main",
                "credentials/pom.xml", "credentials/src/main", "platform/pom.xml", "platform/src/main", "api/pom.xml",
                "api/src/main");
        assertThat(rows.get(0)).startsWith("webhook-ingress", "webhook-ingress/target/quarkus-app/quarkus-run.jar");
        assertThat(rows.get(2)).startsWith("commit-analyzer", "commit-analyzer/target/quarkus-app/quarkus-run.jar",
                "pom.xml", "commit-analyzer/pom.xml", "commit-analyzer/src/main");
    }
}
