package dev.bitbridge.testkit.jenkins;

/**
 * Why a build was started: by a user ({@code Cause$UserIdCause}) or, through a job's trigger token, by a remote host
 * ({@code Cause$RemoteCause}).
 *
 * @param userId the user, or {@code null} for a remote trigger
 * @param host the remote host of a token trigger
 */
record BuildCause(String userId, String host) {

    static BuildCause user(String userId) {
        return new BuildCause(userId, null);
    }

    static BuildCause remote(String host) {
        return new BuildCause(null, host);
    }

    String shortDescription() {
        return userId == null ? "Started by remote host " + host : "Started by user " + userId;
    }
}
