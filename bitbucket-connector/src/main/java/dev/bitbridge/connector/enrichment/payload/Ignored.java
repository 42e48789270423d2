package dev.bitbridge.connector.enrichment.payload;

import java.util.Locale;
import java.util.Objects;

/**
 * A webhook that needs no enrichment, and why.
 *
 * @param reason why it is ignored
 * @param eventKey the {@code X-Event-Key} it came with
 */
public record Ignored(Reason reason, String eventKey) implements Notice {

    public Ignored {
        Objects.requireNonNull(reason, "reason");
    }

    /** Why a webhook is ignored. {@link #code()} is the stable, lower-case form for logs and metrics. */
    public enum Reason {
        /**
         * A commit status echo ({@code repo:commit_status_created} / {@code _updated}): Bitbucket echoes every status,
         * Bitbridge's own included, and must never re-trigger on them.
         */
        OWN_STATUS_ECHO,
        /** Data Center's "Test connection" ({@code diagnostics:ping}). */
        PING,
        /** A known event that carries nothing to enrich (repository settings, comment edits…). */
        NO_WORK,
        /** An event key this reader does not know for the flavor. */
        UNKNOWN_KEY;

        /** @return e.g. {@code own_status_echo} */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
