package dev.bitbridge.reporter.statuses;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildState;

/**
 * Turns a build's state into the status Bitbucket shows, by {@code jenkins.md}'s mapping: queued and running are
 * {@code INPROGRESS}; {@code SUCCESS} is {@code SUCCESSFUL}; {@code UNSTABLE}, {@code FAILURE} and builds that never
 * ran are {@code FAILED}; {@code ABORTED}, {@code NOT_BUILT} and cancelled ones are {@code STOPPED} (which the
 * connector sends a Data Center server as {@code CANCELLED} or {@code FAILED}, by what it supports).
 * <p>
 * What Bitbucket would refuse is made impossible here rather than found out from a 400: the link is the build's page,
 * else its job's, else Jenkins' own, else the configured build page — always an absolute http(s) URL of at most 450
 * characters (Data Center's legacy limit) without user information; name, description and parent are cut to 255 characters. The
 * key comes with
 * the build ({@code StatusKeys}: at most 40 characters).
 */
public final class StatusMapping {

    public static final int MAX_URL = 450;
    public static final int MAX_TEXT = 255;

    private final Optional<String> buildPage;

    /** @param buildPage a page about a build, {@code {requestId}} standing for its id, for builds Jenkins has none of */
    public StatusMapping(Optional<String> buildPage) {
        this.buildPage = buildPage;
    }

    /** @return Bitbucket's state for a build's state */
    public static String stateOf(BuildState state) {
        return switch (state) {
            case QUEUED, INPROGRESS -> "INPROGRESS";
            case SUCCESSFUL -> "SUCCESSFUL";
            case FAILED -> "FAILED";
            case STOPPED -> "STOPPED";
        };
    }

    /** @return the status to show for this record; empty when no link can be given (Bitbucket requires one) */
    public Optional<WantedStatus> of(BuildEvent event) {
        Optional<String> url = link(event);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String job = event.job();
        String name = cut((job == null ? "Jenkins" : job) + (event.buildNumber() == null ? ""
                : " #" + event.buildNumber()));
        return Optional.of(new WantedStatus(stateOf(event.state()), url.get(), name, cut(description(event)),
                event.tag() == null ? event.branch() : null, event.tag(), event.buildNumber(),
                event.state().isFinal() ? event.durationMillis() : null, job == null ? null : cut(job)));
    }

    private Optional<String> link(BuildEvent event) {
        for (String candidate : new String[] { event.buildUrl(), event.jobUrl(), event.jenkinsUrl() }) {
            if (usable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return buildPage.map(page -> page.replace("{requestId}", event.requestId())).filter(StatusMapping::usable);
    }

    /** @return whether Bitbucket takes this as a status's link */
    static boolean usable(String url) {
        if (url == null || url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            // A link with user:password@ would show a credential to everyone who reads the repository.
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String description(BuildEvent event) {
        String number = event.buildNumber() == null ? "" : " #" + event.buildNumber();
        return switch (event.state()) {
            case QUEUED -> "Queued in Jenkins";
            case INPROGRESS -> "Building" + number;
            case SUCCESSFUL -> "Build" + number + " succeeded" + took(event.durationMillis());
            case FAILED, STOPPED -> event.reason() != null && !event.reason().isBlank() ? event.reason()
                    : event.state() == BuildState.FAILED ? "Build" + number + " failed"
                            : "Build" + number
                                    + " stopped";
        };
    }

    private static String took(Long millis) {
        if (millis == null) {
            return "";
        }
        Duration d = Duration.ofMillis(millis);
        return d.toMinutes() > 0 ? " in " + d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : " in " + Math.max(d.toSeconds(), 0) + " s";
    }

    private static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character in two
        }
        return text.substring(0, end) + "…";
    }
}
