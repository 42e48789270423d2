package dev.bitbridge.connector.integration;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.bitbridge.connector.credentials.CredentialsInput;

/**
 * An integration as submitted: every field for a create; for an update only the fields to change (absent ones keep
 * their value, an empty {@code description} or {@code caBundle} clears it). {@code name} and {@code flavor} cannot
 * change: the webhook URL and the credentials depend on them.
 */
@Schema(name = "IntegrationRequest")
public record IntegrationRequest(
        @Schema(description = "1-63 lower-case letters, digits and inner hyphens; part of the webhook URL, immutable", examples = "acme-cloud") String name,
        @Schema(enumeration = {
                "cloud", "datacenter" }, description = "immutable") String flavor,
        @Schema(description = "`default` or a named space; readers of a space see its integrations listed", defaultValue = "default") @Pattern(regexp = Rules.NAME_PATTERN, message = "must be `default` or 1-63"
                + " lower-case letters, digits and inner hyphens") String scope,
        @Size(max = Rules.MAX_LABELS, message = "has more than " + Rules.MAX_LABELS
                + " labels") List<@Pattern(regexp = Rules.LABEL_PATTERN, message = "must be 1-63 lower-case letters, digits and `.`, `_`, `:`,"
                        + " `/`, `-` inside, e.g. team:games") String> labels,
        @Schema(description = "Markdown") @Size(max = Rules.MAX_DESCRIPTION, message = "is longer than "
                + Rules.MAX_DESCRIPTION + " characters") String description,
        @Schema(description = "Cloud only: the workspace ID, e.g. `acme`") String workspace,
        @Schema(description = "Data Center only: the server's base URL, e.g. `https://bitbucket.example.com`") String baseUrl,
        @Schema(description = "Data Center only: whether the server's TLS certificate is verified", defaultValue = "true") Boolean verifyTls,
        @Schema(description = "Data Center only: PEM certificates of a private CA that signs the server's certificate") @Size(max = Rules.MAX_CA_BUNDLE, message = "is larger than "
                + Rules.MAX_CA_BUNDLE + " characters") String caBundle,
        @Schema(description = "Whether webhooks for this integration are accepted", defaultValue = "true") Boolean enabled,
        @Valid CredentialsInput credentials){

    /** Limits and patterns of the fields, shared by Bean Validation and the cross-field rules. */
    public static final class Rules {
        public static final String NAME_PATTERN = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
        public static final String LABEL_PATTERN = "[a-z0-9](?:[a-z0-9._:/-]{0,61}[a-z0-9])?";
        public static final int MAX_LABELS = 20;
        public static final int MAX_DESCRIPTION = 10_000;
        public static final int MAX_CA_BUNDLE = 256 * 1024;

        private Rules() {
        }
    }
}
