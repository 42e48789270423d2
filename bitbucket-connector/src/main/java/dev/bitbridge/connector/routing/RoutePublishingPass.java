package dev.bitbridge.connector.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.kafka.OwnTopics;

/**
 * The background pass of the routing outbox: publishes records that are still pending. It waits until the routing
 * topic exists, which also means messaging has started: before that the publisher's emitter cannot be connected.
 */
@ApplicationScoped
public class RoutePublishingPass {

    private final OwnTopics topic;
    private final Instance<RoutePublisher> publisher;

    RoutePublishingPass(OwnTopics topic, Instance<RoutePublisher> publisher) {
        this.topic = topic;
        this.publisher = publisher;
    }

    @Scheduled(every = "${bitbridge.connector.routing.retry-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return topic.exists() ? publisher.get().publishPending() : Uni.createFrom().voidItem();
    }
}
