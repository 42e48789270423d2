package dev.bitbridge.bench;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baseline is only a fair limit if it produces exactly as the ingress does: this keeps the two in step. */
class ProducerBaselineTest {

    private static final String CHANNEL = "mp.messaging.outgoing.raw-webhooks.";

    @Test
    void baselineUsesEveryProducerSettingTheIngressConfigures() throws Exception {
        Properties ingress = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../webhook-ingress/src/main/resources/application.properties"))) {
            ingress.load(in);
        }
        Map<String, Object> baseline = ProducerBaseline.settings("localhost:9092", Map.of());

        int compared = 0;
        for (String key : ingress.stringPropertyNames()) {
            String setting = key.startsWith(CHANNEL) ? key.substring(CHANNEL.length()) : null;
            if (setting != null && ProducerConfig.configNames().contains(setting) && !setting.endsWith(".serializer")) {
                assertEquals(ingress.getProperty(key), String.valueOf(baseline.get(setting)), setting);
                compared++;
            }
        }
        assertTrue(compared >= 8, "only " + compared + " producer settings found in the ingress configuration");
    }
}
