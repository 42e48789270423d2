package dev.bitbridge.connector.bitbucket;

import io.smallrye.mutiny.Uni;

/**
 * What authorizes a call to Bitbucket: a fixed header (tokens, passwords), or an OAuth access token that is fetched,
 * cached and renewed. Never log one.
 */
public interface BitbucketCredential {

    /** @return the {@code Authorization} header value to send now */
    Uni<String> header();

    /** @return whether a 401 may mean only that the current access token expired, so a new one is worth a retry */
    default boolean renewable() {
        return false;
    }

    /** Forgets the current access token, after Bitbucket refused it. */
    default void invalidate() {
    }

    /** A header that never changes. */
    static BitbucketCredential fixed(String header) {
        return new BitbucketCredential() {
            @Override
            public Uni<String> header() {
                return Uni.createFrom().item(header);
            }

            @Override
            public String toString() {
                return "BitbucketCredential[fixed]";
            }
        };
    }
}
