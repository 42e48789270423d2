package dev.bitbridge.connector.credentials;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Credentials as submitted to the API: a {@code kind} and the fields that kind needs. Write-only: never returned, and
 * {@link #toString()} shows no value.
 */
@Schema(name = "Credentials", description = "Write-only. `kind` decides which other fields are required: "
        + "cloud-api-token (email, token), cloud-access-token (token), cloud-oauth-client-credentials (clientId,"
        + " clientSecret), cloud-oauth-authorization-code (clientId, clientSecret), cloud-app-password (username,"
        + " appPassword; removed by Atlassian on 2026-07-28), datacenter-access-token (token), datacenter-basic"
        + " (username, password).")
public record CredentialsInput(
        String kind,
        String email,
        @Schema(writeOnly = true) String token,
        String username,
        @Schema(writeOnly = true) String password,
        @Schema(writeOnly = true) String appPassword,
        String clientId,
        @Schema(writeOnly = true) String clientSecret) {

    /** @return the submitted fields other than {@code kind}, by name; absent ones left out */
    public Map<String, String> fields() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "email", email);
        put(out, "token", token);
        put(out, "username", username);
        put(out, "password", password);
        put(out, "appPassword", appPassword);
        put(out, "clientId", clientId);
        put(out, "clientSecret", clientSecret);
        return out;
    }

    private static void put(Map<String, String> out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    @Override
    public String toString() {
        return "CredentialsInput[kind=" + kind + ", fields=" + fields().keySet() + "]";
    }
}
