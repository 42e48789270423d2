package dev.bitbridge.connector.integration;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An integration as listed: what a reader of its space may see. Details are for admins. */
@Schema(name = "IntegrationSummary")
public record IntegrationSummary(String name, String flavor, String scope, List<String> labels, String description,
        boolean enabled) {

    static IntegrationSummary of(Integration e) {
        return new IntegrationSummary(e.name(), e.flavor(), e.scope(), e.labels(), e.description(), e.enabled());
    }
}
