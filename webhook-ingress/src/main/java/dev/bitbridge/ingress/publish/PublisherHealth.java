package dev.bitbridge.ingress.publish;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;

import dev.bitbridge.ingress.config.IngressConfig;

/**
 * Tells liveness whether the path to Kafka still works, whatever Kafka itself is doing.
 * <p>
 * A Kafka producer completes every send — acknowledged or failed — within {@code max.block.ms} plus
 * {@code delivery.timeout.ms} (under a second of {@code publish-timeout}), even while the broker is unreachable. A publish
 * still pending after the stall timeout therefore means the path itself is broken (a dead I/O thread, a stuck sink),
 * and a restart is the cure; an unreachable broker only fails readiness. The producer's I/O thread is also checked
 * directly, so a broken producer is noticed without waiting for traffic.
 */
@ApplicationScoped
public class PublisherHealth {

    private static final Logger LOG = Logger.getLogger(PublisherHealth.class);

    private final KafkaClientService clients;
    private final RawWebhookPublisher publisher;
    private final Duration stallTimeout;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastProgress = System.nanoTime();
    private volatile Thread ioThread;
    private volatile boolean ioThreadLookedUp;

    PublisherHealth(KafkaClientService clients, RawWebhookPublisher publisher, IngressConfig config) {
        this.clients = clients;
        this.publisher = publisher;
        this.stallTimeout = config.stallTimeout();
    }

    /** A publish was handed to the producer. */
    void started() {
        if (inFlight.getAndIncrement() == 0) {
            lastProgress = System.nanoTime();
        }
    }

    /** A publish completed, either way. */
    void finished() {
        lastProgress = System.nanoTime();
        inFlight.decrementAndGet();
    }

    /** @return why the publishing path is broken, for liveness; empty when it works */
    public Optional<String> problem() {
        if (publisher.terminated()) {
            return Optional.of("the emitter of " + RawWebhookPublisher.CHANNEL + " was cancelled; nothing can be published");
        }
        long idle = System.nanoTime() - lastProgress;
        int pending = inFlight.get();
        if (pending > 0 && idle > stallTimeout.toNanos()) {
            return Optional.of(pending + " publish(es) pending with none completed for " + Duration.ofNanos(idle).toSeconds()
                    + " s, although the producer must finish each within its delivery timeout");
        }
        Thread io = ioThread();
        if (io != null && !io.isAlive()) {
            return Optional.of("the Kafka producer's I/O thread is not running");
        }
        return Optional.empty();
    }

    private Thread ioThread() {
        if (ioThreadLookedUp) {
            return ioThread; // a producer never starts a second I/O thread: once this one ends, the producer is dead
        }
        KafkaProducer<?, ?> producer = clients.getProducer(RawWebhookPublisher.CHANNEL);
        if (producer == null) {
            return null;
        }
        ioThread = ioThreadOf(producer.unwrap());
        ioThreadLookedUp = true;
        return ioThread;
    }

    /**
     * @return the producer's I/O thread, read from its {@code ioThread} field so that no other thread of the same name
     *         can stand in for it; {@code null} when a future Kafka client has no such field (then only stalled
     *         publishes are detected, and a warning says so)
     */
    static Thread ioThreadOf(Producer<?, ?> producer) {
        try {
            Field field = producer.getClass().getDeclaredField("ioThread");
            field.setAccessible(true);
            return (Thread) field.get(producer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Cannot watch the Kafka producer's I/O thread (%s); liveness sees only stalled publishes", e);
            return null;
        }
    }
}
