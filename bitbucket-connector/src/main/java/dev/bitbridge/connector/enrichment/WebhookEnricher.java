package dev.bitbridge.connector.enrichment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.bitbucket.IntegrationAccess;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.enrichment.payload.Ignored;
import dev.bitbridge.connector.enrichment.payload.Notice;
import dev.bitbridge.connector.enrichment.payload.PullRequestNotice;
import dev.bitbridge.connector.enrichment.payload.PushNotice;
import dev.bitbridge.connector.enrichment.payload.ReadFailure;
import dev.bitbridge.connector.enrichment.payload.WebhookReader;
import dev.bitbridge.connector.enrichment.pullrequest.PullRequestEnricher;
import dev.bitbridge.connector.enrichment.push.PushEnricher;
import dev.bitbridge.platform.kafka.Output;

/**
 * Reads a raw webhook and hands it to the enricher of its kind: pushes, pull-request transitions. Events that need no
 * work (our own build-status echoes, pings, keys Bitbridge does not act on) are skipped and counted, never treated as
 * pushes.
 */
@ApplicationScoped
public class WebhookEnricher implements NoticeEnricher {

    private final IntegrationAccess access;
    private final PushEnricher pushes;
    private final PullRequestEnricher pullRequests;
    private final WebhookReader reader;

    WebhookEnricher(IntegrationAccess access, PushEnricher pushes, PullRequestEnricher pullRequests,
            WebhookReader reader) {
        this.reader = reader;
        this.access = access;
        this.pushes = pushes;
        this.pullRequests = pullRequests;
    }

    @Override
    public Uni<Result> enrich(RawRecord raw, EnrichmentContext context) {
        Notice notice;
        try {
            notice = reader.read(raw.flavor(), raw.eventKey(), raw.body());
        } catch (ReadFailure unreadable) {
            return Uni.createFrom().failure(new UnreadableWebhook(unreadable.getMessage()));
        }
        if (notice instanceof Ignored ignored) {
            return Uni.createFrom().item(new Result(List.of(), "skipped:" + ignored.reason().code()));
        }
        return access.withRemembered(raw.integration(), WebhookEnricher::refused,
                a -> enrich(raw, notice, a, context))
                .map(outputs -> new Result(outputs, "enriched"));
    }

    private Uni<List<Output>> enrich(RawRecord raw, Notice notice, Access with, EnrichmentContext context) {
        return notice instanceof PushNotice push ? pushes.enrich(raw, push, with, context)
                : pullRequests.enrich(raw, (PullRequestNotice) notice, with, context);
    }

    /** @return whether Bitbucket refused for good: a dead letter, unless fresh access helps */
    private static boolean refused(Throwable failure) {
        return failure instanceof BitbucketException bitbucket && !bitbucket.isTransient();
    }
}
