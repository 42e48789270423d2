package dev.bitbridge.connector.credentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Checks submitted credentials against their kind and the integration's flavor, and turns them into what the
 * {@code CredentialStore} keeps. Problems name the field, never its value.
 */
public final class CredentialsCheck {

    static final int MAX_FIELD_LENGTH = 4096;

    private CredentialsCheck() {
    }

    /**
     * @param input the submitted credentials
     * @param flavor the integration's flavor
     * @param problems where problems are added, fields prefixed with {@code credentials.}
     * @return the kind, when the credentials are usable
     */
    public static Optional<CredentialKind> check(CredentialsInput input, BitbucketFlavor flavor,
            List<FieldProblem> problems) {
        if (input.kind() == null || input.kind().isBlank()) {
            problems.add(new FieldProblem("credentials.kind", "is required; for " + flavor.id() + " use one of: "
                    + CredentialKind.namesFor(flavor)));
            return Optional.empty();
        }
        Optional<CredentialKind> found = CredentialKind.of(input.kind());
        if (found.isEmpty() || found.get().flavor() != flavor) {
            problems.add(new FieldProblem("credentials.kind", (found.isEmpty() ? "is not a known kind"
                    : "is for "
                            + found.get().flavor().id() + ", not " + flavor.id())
                    + "; for " + flavor.id() + " use one of: "
                    + CredentialKind.namesFor(flavor)));
            return Optional.empty();
        }
        CredentialKind kind = found.get();
        int before = problems.size();
        Map<String, String> fields = input.fields();
        for (String required : kind.fields()) {
            String value = fields.get(required);
            if (value == null || value.isBlank()) {
                problems.add(new FieldProblem("credentials." + required, "is required for kind " + kind.id()));
            } else if (value.length() > MAX_FIELD_LENGTH) {
                problems.add(new FieldProblem("credentials." + required, "is longer than " + MAX_FIELD_LENGTH
                        + " characters"));
            } else if (!value.strip().equals(value) || value.chars().anyMatch(Character::isISOControl)) {
                problems.add(new FieldProblem("credentials." + required, "has leading or trailing spaces or control"
                        + " characters; paste the value alone"));
            }
        }
        fields.keySet().stream().filter(f -> !kind.fields().contains(f)).forEach(f -> problems.add(new FieldProblem(
                "credentials." + f, "is not used by kind " + kind.id() + " (it takes " + kind.fields() + ")")));
        if (kind == CredentialKind.CLOUD_API_TOKEN && fields.get("email") != null
                && !fields.get("email").contains("@")) {
            problems.add(new FieldProblem("credentials.email", "must be the Atlassian account's email address: API"
                    + " tokens authenticate REST calls with the email, not the Bitbucket username"));
        }
        return problems.size() == before ? Optional.of(kind) : Optional.empty();
    }

    /** @return the fields to store for credentials that passed {@link #check} */
    public static SecretFields toSecret(CredentialsInput input, CredentialKind kind) {
        Map<String, String> fields = new java.util.TreeMap<>();
        kind.fields().forEach(f -> fields.put(f, input.fields().get(f)));
        fields.put("kind", kind.id());
        return SecretFields.of(fields);
    }
}
