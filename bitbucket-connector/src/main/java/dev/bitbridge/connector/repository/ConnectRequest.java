package dev.bitbridge.connector.repository;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param repository {@code workspace/slug} on Cloud, {@code PROJECT/slug} on Data Center
 * @param webhook {@code automatic} (Bitbridge registers and maintains the hook; the default) or {@code manual} (the
 *        answer lists the URL and events to enter by hand, and the secret at the first manual connect only)
 */
@Schema(name = "ConnectRequest")
public record ConnectRequest(String repository, @Schema(enumeration = {
        "automatic", "manual" }, defaultValue = "automatic") String webhook){
}
