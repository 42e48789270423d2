package dev.bitbridge.connector.enrichment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.enrichment.state.EnrichmentState;
import dev.bitbridge.connector.enrichment.state.Position;
import dev.bitbridge.connector.enrichment.state.StateChanges;
import dev.bitbridge.platform.kafka.Output;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Enriches one batch of raw webhooks. Records of one repository (one key) are handled one after another, in order;
 * different repositories concurrently. Each record either gives its enriched events, is skipped (a redelivery, an
 * event that needs no work) or becomes a dead letter with its reason. Only transient failures fail the batch.
 * <p>
 * A JVM {@link Error} is never a dead letter: it goes to {@link FatalErrors}, which fails liveness and ends the process
 * (ADR 7), and the batch is never finished, so that nothing read after the record is committed meanwhile. The next
 * process reads the record again.
 */
@ApplicationScoped
public class Enricher {

    static final int CONCURRENT_REPOSITORIES = 16;
    private static final Logger LOG = Logger.getLogger(Enricher.class);

    private final EnrichmentState state;
    private final Outputs outputs;
    private final NoticeEnricher notices;
    private final MeterRegistry meters;
    private final OwnContext context;
    private final FatalErrors fatalErrors;

    Enricher(EnrichmentState state, Outputs outputs, NoticeEnricher notices, MeterRegistry meters,
            OwnContext context, FatalErrors fatalErrors) {
        this.context = context;
        this.fatalErrors = fatalErrors;
        this.state = state;
        this.outputs = outputs;
        this.notices = notices;
        this.meters = meters;
    }

    /** @return whether a failure will pass by itself, so that the batch is tried again rather than dead-lettered */
    public static boolean isTransient(Throwable failure) {
        return failure instanceof TransientFailure
                || failure instanceof BitbucketException bitbucket && bitbucket.isTransient();
    }

    public Uni<EnrichedBatch> enrich(List<ConsumerRecord<String, byte[]>> records, Position position) {
        StateChanges changes = new StateChanges();
        List<Optional<RawRecord>> raws = records.stream().map(RawRecord::of).toList();
        List<List<Output>> perRecord = new ArrayList<>();
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            perRecord.add(List.of());
            byKey.computeIfAbsent(String.valueOf(records.get(i).key()), k -> new ArrayList<>()).add(i);
        }
        return seenBefore(raws, position)
                .chain(seen -> Multi.createFrom().iterable(byKey.values())
                        .onItem().transformToUni(indexes -> inOrder(records, raws, indexes, seen, position, changes,
                                perRecord))
                        .merge(CONCURRENT_REPOSITORIES)
                        .collect().last())
                .map(done -> {
                    List<Output> all = new ArrayList<>();
                    perRecord.forEach(all::addAll);
                    return new EnrichedBatch(all, changes);
                });
    }

    /**
     * @return the batch's events that committed output already handled ({@code integration\nevent id}): one query per
     *         integration in the batch, not one per record
     */
    private Uni<Set<String>> seenBefore(List<Optional<RawRecord>> raws, Position position) {
        Map<String, Set<String>> idsByIntegration = new LinkedHashMap<>();
        raws.forEach(raw -> raw.ifPresent(r -> idsByIntegration.computeIfAbsent(r.integration(),
                i -> new LinkedHashSet<>()).add(r.eventId())));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return Multi.createFrom().iterable(idsByIntegration.entrySet())
                .onItem().transformToUniAndConcatenate(ids -> state.seenEvents(ids.getKey(), ids.getValue(), position)
                        .invoke(found -> found.forEach(id -> seen.add(seenKey(ids.getKey(), id)))))
                .collect().last()
                .replaceWith(seen)
                .onFailure(f -> !(f instanceof Error))
                .transform(f -> new TransientFailure("enrichment state unavailable", f));
    }

    private static String seenKey(String integration, String eventId) {
        return integration + "\n" + eventId;
    }

    private Uni<Void> inOrder(List<ConsumerRecord<String, byte[]>> records, List<Optional<RawRecord>> raws,
            List<Integer> indexes, Set<String> seen, Position position, StateChanges changes,
            List<List<Output>> perRecord) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int index : indexes) {
            chain = chain.chain(() -> one(records.get(index), raws.get(index), seen, position, changes)
                    .invoke(out -> {
                        synchronized (perRecord) {
                            perRecord.set(index, out);
                        }
                    })
                    .replaceWithVoid());
        }
        return chain;
    }

    private Uni<List<Output>> one(ConsumerRecord<String, byte[]> record, Optional<RawRecord> read, Set<String> seen,
            Position position, StateChanges changes) {
        RawRecord raw = read.orElse(null);
        if (raw == null) {
            count("dead_letter", "not_a_raw_webhook");
            return Uni.createFrom().item(List.of(outputs.deadLetter(record, "not_a_raw_webhook", "The record lacks the"
                    + " CloudEvents headers the webhook ingress writes (ce_id, ce_bitbucketintegration,"
                    + " ce_bitbucketflavor, ce_bitbucketeventkey) or a body; only the ingress publishes to this"
                    + " topic.")));
        }
        if (seen.contains(seenKey(raw.integration(), raw.eventId()))
                || changes.eventHandled(raw.integration(), raw.eventId())) {
            return skipRedelivery();
        }
        return enrich(raw, position, changes)
                .onFailure(Error.class).recoverWithUni(error -> fatal(raw, (Error) error));
    }

    /** Ends the process; the record's batch is never finished, so nothing after it is committed (class comment). */
    private Uni<List<Output>> fatal(RawRecord raw, Error error) {
        fatalErrors.handle("enrichment of raw webhook " + raw.eventId() + " at " + raw.position(), error);
        return Uni.createFrom().nothing();
    }

    private Uni<List<Output>> skipRedelivery() {
        count("skipped", "redelivery");
        return Uni.createFrom().item(List.of());
    }

    private Uni<List<Output>> enrich(RawRecord raw, Position position, StateChanges changes) {
        return context.run(() -> notices.enrich(raw, new EnrichmentContext(position, changes)))
                .map(result -> {
                    changes.eventHandled(raw.integration(), raw.eventId(), raw.partition(), raw.offset(),
                            result.outcome());
                    count(result.outputs().isEmpty() ? "skipped" : "enriched", result.outcome());
                    return result.outputs();
                })
                // A JVM Error is never dead-lettered: it ends the process (see one(...)).
                .onFailure(f -> !isTransient(f) && !(f instanceof Error)).recoverWithItem(f -> {
                    DeadLetterReason reason = DeadLetterReason.of(f);
                    if (reason == DeadLetterReason.INTERNAL_ERROR) {
                        LOG.errorf(f, "Raw webhook %s at %s could not be enriched; dead-lettered", raw.eventId(),
                                raw.position());
                    } else {
                        LOG.warnf("Raw webhook %s at %s dead-lettered (%s): %s", raw.eventId(), raw.position(),
                                reason.code(), f.getMessage());
                    }
                    changes.eventHandled(raw.integration(), raw.eventId(), raw.partition(), raw.offset(),
                            "dead_letter:" + reason.code());
                    count("dead_letter", reason.code());
                    return List.of(outputs.deadLetter(raw.record(), reason.code(), reason.detail(f)));
                });
    }

    private void count(String outcome, String reason) {
        meters.counter("bitbridge.connector.enrichment.events", "outcome", outcome, "reason", reason).increment();
    }

    /** Why a raw webhook became a dead letter. */
    enum DeadLetterReason {
        UNPARSEABLE("unparseable"),
        INTEGRATION_GONE("integration_gone"),
        REPOSITORY_GONE("repository_gone"),
        CREDENTIAL_REVOKED("credential_revoked"),
        PERMISSION_MISSING("permission_missing"),
        REFUSED("refused_by_bitbucket"),
        INTERNAL_ERROR("internal_error");

        private final String code;

        DeadLetterReason(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static DeadLetterReason of(Throwable failure) {
            if (failure instanceof UnreadableWebhook) {
                return UNPARSEABLE;
            }
            if (failure instanceof ApiException api) {
                return api.status() == 404 ? INTEGRATION_GONE : CREDENTIAL_REVOKED;
            }
            if (failure instanceof BitbucketException bitbucket) {
                return switch (bitbucket.problem()) {
                    case NOT_FOUND -> REPOSITORY_GONE;
                    case BAD_CREDENTIALS, RECONNECT_NEEDED -> CREDENTIAL_REVOKED;
                    case FORBIDDEN, MISSING_SCOPE -> PERMISSION_MISSING;
                    default -> REFUSED;
                };
            }
            return INTERNAL_ERROR;
        }

        String detail(Throwable failure) {
            return this == INTERNAL_ERROR
                    ? "The connector failed on this event (" + failure.getClass().getSimpleName() + "); its log has"
                            + " the details. Republish the record to bitbridge.webhooks.v1 once fixed."
                    : failure.getMessage();
        }
    }
}
