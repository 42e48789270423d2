package dev.bitbridge.testkit.bitbucket.auth;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A permission a Cloud endpoint requires, in both of Bitbucket's scope vocabularies: the classic names that OAuth
 * consumers and repository/project/workspace access tokens carry ({@code repository}, {@code webhook}, ...), and the
 * granular names of Atlassian API tokens ({@code read:repository:bitbucket}, ...). Classic scopes imply lesser ones
 * ({@code pullrequest} implies {@code repository}); granular scopes imply nothing, so a write scope does not give
 * read.
 */
public enum CloudScope {
    ACCOUNT("account", "read:user:bitbucket"),
    WORKSPACE("account", "read:workspace:bitbucket"),
    REPOSITORY("repository", "read:repository:bitbucket"),
    PULLREQUEST("pullrequest", "read:pullrequest:bitbucket"),
    ISSUE("issue", "read:issue:bitbucket"),
    WEBHOOK_READ("webhook", "read:webhook:bitbucket"),
    WEBHOOK_WRITE("webhook", "write:webhook:bitbucket"),
    WEBHOOK_DELETE("webhook", "delete:webhook:bitbucket");

    /** What a classic scope also grants. */
    private static final Map<String, Set<String>> IMPLIED = Map.of(
            "repository:admin", Set.of("repository:write", "repository"),
            "repository:write", Set.of("repository"),
            "repository:delete", Set.of("repository"),
            "pullrequest:write", Set.of("pullrequest", "repository:write", "repository"),
            "pullrequest", Set.of("repository"),
            "account:write", Set.of("account"),
            "project:admin", Set.of("project"),
            "snippet:write", Set.of("snippet"),
            "issue:write", Set.of("issue"),
            "pipeline:write", Set.of("pipeline"));

    private final String classic;
    private final String granular;

    CloudScope(String classic, String granular) {
        this.classic = classic;
        this.granular = granular;
    }

    /** @return the name of this scope in the vocabulary of the credential */
    public String name(boolean granularVocabulary) {
        return granularVocabulary ? granular : classic;
    }

    /** @return whether the granted scopes (of one vocabulary) include this one */
    public boolean grantedBy(Set<String> granted, boolean granularVocabulary) {
        if (granularVocabulary) {
            return granted.contains(granular);
        }
        return expand(granted).contains(classic);
    }

    /** @return the classic scopes with everything they imply */
    public static Set<String> expand(Set<String> classicScopes) {
        Set<String> all = new HashSet<>(classicScopes);
        classicScopes.forEach(s -> all.addAll(IMPLIED.getOrDefault(s, Set.of())));
        return all;
    }
}
