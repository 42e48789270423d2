package dev.bitbridge.trigger.jenkins;

/**
 * One Jenkins and who Bitbridge is there.
 *
 * @param baseUrl the Jenkins base URL ({@code https://ci.example.com/} or with a context path)
 * @param user the user name
 * @param secret the API token, or the password
 * @param password whether {@code secret} is a password: then every POST carries a crumb and the session cookie it was
 *        issued with (an API token needs neither)
 */
public record JenkinsEndpoint(String baseUrl, String user, String secret, boolean password) {

    @Override
    public String toString() {
        return "JenkinsEndpoint[" + baseUrl + ", user " + user + "]"; // never the secret
    }
}
