package dev.bitbridge.connector.repository;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A connected repository as the API shows it.
 *
 * @param manualSetup only in the answer to a manual connect: what to enter in Bitbucket, shown this once
 */
@Schema(name = "ConnectedRepository")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectedRepository(String repository, String webhook, String hookId, String hookState,
        String hookDetail, Instant connectedAt, Instant checkedAt, ManualSetup manualSetup) {

    static ConnectedRepository of(RepositoryConnection c) {
        return new ConnectedRepository(c.repository(), c.hookMode(), c.hookId(), c.hookState(), c.hookDetail(),
                c.connectedAt(), c.checkedAt(), null);
    }

    ConnectedRepository with(ManualSetup setup) {
        return new ConnectedRepository(repository, webhook, hookId, hookState, hookDetail, connectedAt, checkedAt,
                setup);
    }

    /**
     * What to enter in Bitbucket's webhook form when Bitbridge may not register hooks itself.
     *
     * @param url the webhook URL, its token included only when shown for the first time
     * @param secret the secret Bitbucket signs deliveries with, only when shown for the first time
     * @param events the events to tick
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ManualSetup(String url, String secret, List<String> events, String note) {
        @Override
        public String toString() {
            return "ManualSetup[***]";
        }
    }
}
