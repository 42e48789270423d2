package dev.bitbridge.testkit.bitbucket.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A build status posted to a commit, with the body as it was posted (tests read what clients sent).
 *
 * @param commit the commit hash
 * @param key the status key
 * @param ref Cloud {@code refname} or Data Center {@code ref}; {@code null} when not given
 * @param state the state as posted
 * @param posted the request body as posted
 * @param postedBy the credential id that posted it
 * @param api which endpoint took it: {@code cloud}, {@code builds} (Data Center 7.4+) or {@code legacy}
 * @param created when the status was first created
 * @param updated when it was last posted
 */
public record BuildStatus(String commit, String key, String ref, String state, ObjectNode posted, String postedBy,
        String api, Instant created, Instant updated) {
}
