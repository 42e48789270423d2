package dev.bitbridge.trigger.jenkins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.core.Vertx;

import dev.bitbridge.trigger.config.TriggerConfig;

/** The one {@link JenkinsClient}, on Quarkus's Vert.x. */
@ApplicationScoped
public class JenkinsClientProducer {

    @Produces
    @ApplicationScoped
    JenkinsClient jenkinsClient(Vertx vertx, ObjectMapper json, TriggerConfig config) {
        return new JenkinsClient(vertx, json, config.dispatch().requestTimeout());
    }

    void close(@Disposes JenkinsClient client) {
        client.close();
    }
}
