package dev.bitbridge.connector.enrichment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;

/**
 * Enriches like {@link WebhookEnricher}, except that the raw webhook {@link #FATAL_EVENT_ID} makes the JVM throw a
 * {@link StackOverflowError} (synchronously, as a deep recursion in a payload reader would): how a test reaches the
 * fatal-error path, which no valid input reaches. Enabled only by the test profiles that list it.
 */
@Alternative
@ApplicationScoped
public class FaultyNoticeEnricher implements NoticeEnricher {

    /** The delivery id of the raw webhook whose enrichment throws. */
    public static final String FATAL_EVENT_ID = "6a4e1c2b-fa7a-4e00-9000-00000000e770";

    private final WebhookEnricher real;

    FaultyNoticeEnricher(WebhookEnricher real) {
        this.real = real;
    }

    @Override
    public Uni<Result> enrich(RawRecord raw, EnrichmentContext context) {
        if (FATAL_EVENT_ID.equals(raw.eventId())) {
            throw new StackOverflowError();
        }
        return real.enrich(raw, context);
    }
}
