package dev.bitbridge.testkit.bitbucket;

import java.util.Objects;

/**
 * A person (or bot) known to the simulated Bitbucket. Cloud shows {@code uuid}, {@code account_id}, {@code nickname} and
 * {@code display_name}; Data Center shows {@code name} (the username, also its slug), {@code displayName},
 * {@code emailAddress} and a numeric {@code id}.
 *
 * @param name the username (Data Center) or nickname (Cloud)
 * @param displayName the full name shown in the UI and payloads
 * @param email the e-mail address; on Cloud, API tokens authenticate with it
 * @param uuid the Cloud UUID in braces, e.g. {@code {7d3a178a-...}}
 * @param accountId the Atlassian account id, e.g. {@code 557058:270a1f96-...}
 * @param numericId the Data Center user id
 */
public record Account(String name, String displayName, String email, String uuid, String accountId, long numericId) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
    }

    /** @return the author line git records and Cloud shows as {@code author.raw}: {@code Name <email>} */
    public String raw() {
        return displayName + " <" + email + ">";
    }
}
