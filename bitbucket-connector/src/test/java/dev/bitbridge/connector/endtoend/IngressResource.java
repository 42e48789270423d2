package dev.bitbridge.connector.endtoend;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.ServiceJar;

/**
 * The real packaged ingress on the shared broker, started before the connector so that the connector registers
 * hooks pointing at it ({@code bitbridge.connector.webhook-base-url}).
 */
public class IngressResource implements QuarkusTestResourceLifecycleManager {

    private ServiceJar ingress;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new BitbridgeTopics().start());
        ingress = IngressProcess.start("ingress-for-hooks");
        config.put("bitbridge.connector.webhook-base-url", ingress.publicUrl().toString());
        return config;
    }

    @Override
    public void stop() {
        if (ingress != null) {
            ingress.close();
        }
    }
}
