package dev.bitbridge.bench.connector;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorSettingsTest {

    @Test
    void startsThePackagedConnectorWithEverythingARunNeeds() {
        ConnectorSettings settings = ConnectorSettings.of("localhost:9092", "jdbc:postgresql://localhost:5/db",
                "postgresql://localhost:5/db", "http://127.0.0.1:7/2.0", "http://127.0.0.1:7/site/oauth2");
        List<String> command = settings.builder(ConnectorOptions.parse("--root=/tmp/project")).command();

        assertTrue(command.contains("-Dkafka.bootstrap.servers=localhost:9092"), command::toString);
        assertTrue(command.contains("-Dquarkus.datasource.reactive.url=postgresql://localhost:5/db"),
                command::toString);
        assertTrue(command.contains("-Dbitbridge.connector.bitbucket.cloud-api-url=http://127.0.0.1:7/2.0"),
                command::toString);
        assertTrue(command.contains("-Dbitbridge.connector.sealing-key-id=bench"), command::toString);
        assertTrue(command.contains("-Dbitbridge.credentials.active-master-key=bench"), command::toString);
        assertTrue(command.contains("-Dbitbridge.connector.bitbucket.budget.requests-per-hour=10000000"),
                command::toString);
        assertTrue(command.contains("-Dbitbridge.connector.webhooks.check-interval=PT24H"), command::toString);
        assertTrue(command.stream().anyMatch(a -> a.startsWith("-Dbitbridge.connector.api.admin-token=")
                && a.length() - "-Dbitbridge.connector.api.admin-token=".length() >= 32), "an admin token of 32+");
        assertTrue(command.stream().anyMatch(a -> a.matches("-Dquarkus\\.management\\.port=\\d+")),
                command::toString);
        assertEquals("-jar", command.get(command.size() - 2));
        assertTrue(command.get(command.size() - 1).endsWith("bitbucket-connector/target/quarkus-app/quarkus-run.jar"));
        assertEquals(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"),
                ConnectorSettings.jvmArgs(ConnectorOptions.parse()));
    }

    @Test
    void everyRunHasKeysOfItsOwn() {
        ConnectorSettings a = ConnectorSettings.of("k", "j", "r", "c", "o");
        ConnectorSettings b = ConnectorSettings.of("k", "j", "r", "c", "o");

        assertTrue(!a.sealingKey().equals(b.sealingKey()) && !a.adminToken().equals(b.adminToken()));
        assertEquals(44, a.sealingKey().length(), "base64 of 32 bytes");
        assertEquals(44, a.masterKey().length(), "base64 of 32 bytes");
    }
}
