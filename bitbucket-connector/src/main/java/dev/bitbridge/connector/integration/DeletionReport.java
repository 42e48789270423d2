package dev.bitbridge.connector.integration;

import java.util.List;

/**
 * What deleting an integration did, and what it could not do, so that nothing left behind is hidden.
 *
 * @param deleted the integration's name
 * @param routing {@code removed} when the ingress has been told, else {@code pending} (retried in the background)
 * @param notCleanedUp what is left behind and why, e.g. a hook the credential could no longer remove
 */
public record DeletionReport(String deleted, String routing, List<String> notCleanedUp) {
}
