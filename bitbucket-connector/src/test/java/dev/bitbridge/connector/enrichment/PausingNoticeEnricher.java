package dev.bitbridge.connector.enrichment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;

/**
 * Enriches like {@link WebhookEnricher}, except that the first time it meets the raw webhook {@link #PAUSED_EVENT_ID}
 * it holds that batch until {@link #release()}: how a test keeps a batch's Kafka transaction open while the consumer
 * group rebalances. Enabled only by the test profiles that list it.
 */
@Alternative
@ApplicationScoped
public class PausingNoticeEnricher implements NoticeEnricher {

    /** The delivery id of the raw webhook whose first enrichment waits. */
    public static final String PAUSED_EVENT_ID = "6a4e1c2b-fa7a-4e00-9000-0000000ba1a5";

    private final WebhookEnricher real;
    private final AtomicBoolean first = new AtomicBoolean(true);
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private final CountDownLatch reached = new CountDownLatch(1);

    PausingNoticeEnricher(WebhookEnricher real) {
        this.real = real;
    }

    @Override
    public Uni<Result> enrich(RawRecord raw, EnrichmentContext context) {
        if (PAUSED_EVENT_ID.equals(raw.eventId()) && first.compareAndSet(true, false)) {
            reached.countDown();
            return Uni.createFrom().completionStage(released).chain(() -> real.enrich(raw, context));
        }
        return real.enrich(raw, context);
    }

    /** @return a latch that opens once the paused webhook's enrichment is waiting */
    public CountDownLatch reached() {
        return reached;
    }

    /** Lets the paused enrichment go on. */
    public void release() {
        released.complete(null);
    }
}
