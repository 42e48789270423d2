package dev.bitbridge.connector.integration;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.api.FieldPaths;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.connector.credentials.CredentialsCheck;
import dev.bitbridge.events.integration.IntegrationNames;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Every rule an integration must satisfy, checked before anything is stored: Bean Validation for single fields, and
 * the rules that depend on the flavor. All problems of a request are reported together, each naming its field.
 */
@ApplicationScoped
public class IntegrationRules {

    private static final Pattern WORKSPACE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,61}");

    private final Validator validator;
    private final ConnectorConfig config;

    IntegrationRules(Validator validator, ConnectorConfig config) {
        this.validator = validator;
        this.config = config;
    }

    /**
     * @return the checked new integration's flavor and credential kind
     * @throws ApiException listing every problem
     */
    public Checked checkCreate(IntegrationRequest request) {
        List<FieldProblem> problems = beanValidation(request);
        if (request.name() == null || request.name().isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (!IntegrationNames.isValid(request.name())) {
            problems.add(new FieldProblem("name", "must be 1-63 lower-case letters, digits and inner hyphens, e.g."
                    + " acme-cloud (it becomes part of the webhook URL)"));
        }
        Optional<BitbucketFlavor> flavor = flavor(request.flavor(), problems);
        Optional<CredentialKind> kind = Optional.empty();
        if (flavor.isPresent()) {
            checkLocation(flavor.get(), request.workspace(), request.baseUrl(), request.verifyTls(),
                    request.caBundle(), true, problems);
            if (request.credentials() != null) {
                kind = CredentialsCheck.check(request.credentials(), flavor.get(), problems);
            }
        }
        throwIfAny(problems);
        return new Checked(flavor.orElseThrow(), kind);
    }

    /**
     * @return the credential kind of the update, when it replaces the credentials
     * @throws ApiException listing every problem
     */
    public Optional<CredentialKind> checkUpdate(Integration current, IntegrationRequest request) {
        List<FieldProblem> problems = beanValidation(request);
        if (request.name() != null && !request.name().equals(current.name())) {
            problems.add(new FieldProblem("name", "cannot change: the webhook URL derives from it; create a new"
                    + " integration instead"));
        }
        BitbucketFlavor flavor = BitbucketFlavor.of(current.flavor());
        if (request.flavor() != null && !request.flavor().equals(current.flavor())) {
            problems.add(new FieldProblem("flavor", "cannot change; create a new integration instead"));
        }
        checkLocation(flavor, request.workspace(), request.baseUrl(), request.verifyTls(), request.caBundle(), false,
                problems);
        Optional<CredentialKind> kind = request.credentials() == null ? Optional.empty()
                : CredentialsCheck.check(request.credentials(), flavor, problems);
        throwIfAny(problems);
        return kind;
    }

    private List<FieldProblem> beanValidation(IntegrationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(request).forEach(v -> problems.add(new FieldProblem(FieldPaths.of(v), v.getMessage())));
        return problems;
    }

    private static Optional<BitbucketFlavor> flavor(String value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem("flavor", "is required: cloud or datacenter"));
            return Optional.empty();
        }
        try {
            return Optional.of(BitbucketFlavor.of(value));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("flavor", "must be cloud or datacenter"));
            return Optional.empty();
        }
    }

    private void checkLocation(BitbucketFlavor flavor, String workspace, String baseUrl, Boolean verifyTls,
            String caBundle, boolean create, List<FieldProblem> problems) {
        if (flavor == BitbucketFlavor.CLOUD) {
            if (workspace == null && create) {
                problems.add(new FieldProblem("workspace", "is required for Bitbucket Cloud: the workspace ID, e.g."
                        + " acme from bitbucket.org/acme"));
            } else if (workspace != null && workspace.contains("/")) {
                problems.add(new FieldProblem("workspace", "must be the workspace ID alone (e.g. acme), without a"
                        + " slash: repositories are connected separately"));
            } else if (workspace != null && !WORKSPACE.matcher(workspace).matches()) {
                problems.add(new FieldProblem("workspace", "must be a workspace ID: lower-case letters, digits, `-`,"
                        + " `_` and `.`, e.g. acme"));
            }
            for (String field : new String[] { "baseUrl", "verifyTls", "caBundle" }) {
                Object value = switch (field) {
                    case "baseUrl" -> baseUrl;
                    case "verifyTls" -> verifyTls;
                    default -> caBundle;
                };
                if (value != null) {
                    problems.add(new FieldProblem(field, "applies to Data Center only; Bitbucket Cloud is always"
                            + " reached at its public address"));
                }
            }
            return;
        }
        if (workspace != null) {
            problems.add(new FieldProblem("workspace", "applies to Bitbucket Cloud only; Data Center projects and"
                    + " repositories are chosen when connecting repositories"));
        }
        if (baseUrl == null) {
            if (create) {
                problems.add(new FieldProblem("baseUrl", "is required for Data Center: the server's base URL, e.g."
                        + " https://bitbucket.example.com"));
            }
        } else {
            checkBaseUrl(baseUrl, problems);
        }
        if (caBundle != null && !caBundle.isEmpty()) {
            checkCaBundle(caBundle, problems);
        }
    }

    private void checkBaseUrl(String baseUrl, List<FieldProblem> problems) {
        try {
            URI uri = new URI(baseUrl);
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                problems.add(new FieldProblem("baseUrl", "must be an absolute URL with a host and no user, query or"
                        + " fragment, e.g. https://bitbucket.example.com"));
            } else if ("http".equals(uri.getScheme()) && !config.api().allowHttpBaseUrls()) {
                problems.add(new FieldProblem("baseUrl", "must use https: Bitbridge sends credentials to it (plain"
                        + " http is allowed only for local testing, with bitbridge.connector.api.allow-http-base-urls)"));
            } else if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                problems.add(new FieldProblem("baseUrl", "must be an https URL, e.g. https://bitbucket.example.com"));
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("baseUrl", "is not a URL (" + e.getReason() + ")"));
        }
    }

    private static void checkCaBundle(String pem, List<FieldProblem> problems) {
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                problems.add(new FieldProblem("caBundle", "holds no certificate; paste PEM blocks starting with"
                        + " -----BEGIN CERTIFICATE-----"));
            }
        } catch (CertificateException | RuntimeException e) {
            problems.add(new FieldProblem("caBundle", "does not parse as PEM X.509 certificates; paste the CA's"
                    + " certificates, each starting with -----BEGIN CERTIFICATE-----"));
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw ApiException.invalid(problems);
        }
    }

    /** What a valid create request resolved to. */
    public record Checked(BitbucketFlavor flavor, Optional<CredentialKind> kind) {
    }
}
