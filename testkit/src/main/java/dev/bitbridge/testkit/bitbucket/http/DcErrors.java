package dev.bitbridge.testkit.bitbucket.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Data Center's error bodies: {@code {"errors": [{"context": ..., "message": ..., "exceptionName": ...}]}}. */
public final class DcErrors {

    public static final String AUTHENTICATION = "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException";
    public static final String AUTHORISATION = "com.atlassian.bitbucket.AuthorisationException";
    public static final String NO_REPOSITORY = "com.atlassian.bitbucket.repository.NoSuchRepositoryException";
    public static final String NO_PROJECT = "com.atlassian.bitbucket.project.NoSuchProjectException";
    public static final String VALIDATION = "com.atlassian.bitbucket.validation.ArgumentValidationException";
    public static final String NO_WEBHOOK = "com.atlassian.webhooks.NoSuchWebhookException";
    public static final String NO_COMMIT = "com.atlassian.bitbucket.commit.NoSuchCommitException";

    private DcErrors() {
    }

    /** @return an error answer with one error */
    public static SimResponse of(int status, String context, String message, String exceptionName) {
        ObjectNode error = Json.object();
        if (context == null) {
            error.putNull("context");
        } else {
            error.put("context", context);
        }
        error.put("message", message);
        if (exceptionName == null) {
            error.putNull("exceptionName");
        } else {
            error.put("exceptionName", exceptionName);
        }
        ObjectNode body = Json.object();
        body.putArray("errors").add(error);
        return SimResponse.json(status, body);
    }

    public static SimResponse badCredentials() {
        return of(401, null, "Authentication failed. Please check your credentials and try again.", AUTHENTICATION);
    }

    /** Data Center answers a missing permission with 401 and this body. */
    public static SimResponse notPermitted() {
        return of(401, null, "You are not permitted to access this resource", AUTHORISATION);
    }

    public static SimResponse noRepository(String projectKey, String slug) {
        return of(404, null, "Repository " + projectKey + "/" + slug + " does not exist.", NO_REPOSITORY);
    }

    public static SimResponse noProject(String key) {
        return of(404, null, "Project " + key + " does not exist.", NO_PROJECT);
    }

    public static SimResponse invalid(String field, String message) {
        return of(400, field, message, VALIDATION);
    }
}
