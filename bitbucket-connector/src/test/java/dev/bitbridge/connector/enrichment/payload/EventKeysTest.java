package dev.bitbridge.connector.enrichment.payload;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.bitbridge.events.webhook.BitbucketFlavor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which keys are read and which are ignored, and why. Ignored keys are decided before the body is looked at: their
 * body here is not even JSON.
 */
class EventKeysTest {

    private final WebhookReader reader = new WebhookReader();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "cloud|repo:commit_status_created|own_status_echo",
            "cloud|repo:commit_status_updated|own_status_echo",
            "cloud|repo:updated|no_work",
            "cloud|repo:fork|no_work",
            "cloud|repo:commit_comment_created|no_work",
            "cloud|pullrequest:comment_updated|no_work",
            "cloud|pullrequest:comment_deleted|no_work",
            "cloud|pullrequest:comment_resolved|no_work",
            "cloud|pullrequest:comment_reopened|no_work",
            "cloud|pullrequest:changes_request_removed|no_work",
            "cloud|issue:created|no_work",
            "cloud|diagnostics:ping|unknown_key",
            "cloud|pr:opened|unknown_key",
            "cloud|repo:refs_changed|unknown_key",
            "cloud|pullrequest:superseded|unknown_key",
            "cloud|''|unknown_key",
            "cloud|NULL|unknown_key",
            "datacenter|diagnostics:ping|ping",
            "datacenter|repo:modified|no_work",
            "datacenter|repo:forked|no_work",
            "datacenter|repo:comment:added|no_work",
            "datacenter|mirror:repo_synchronized|no_work",
            "datacenter|pr:deleted|no_work",
            "datacenter|pr:comment:edited|no_work",
            "datacenter|pr:comment:deleted|no_work",
            "datacenter|pr:reviewer:updated|no_work",
            "datacenter|repo:push|unknown_key",
            "datacenter|pullrequest:created|unknown_key",
            "datacenter|repo:commit_status_created|unknown_key",
            "datacenter|something:new|unknown_key" })
    void ignoredKeysSayWhy(String flavor, String eventKey, String reason) {
        Notice notice = reader.read(BitbucketFlavor.of(flavor), eventKey, "not json".getBytes());

        assertThat(notice).isInstanceOfSatisfying(Ignored.class, ignored -> {
            assertThat(ignored.reason().code()).isEqualTo(reason);
            assertThat(ignored.eventKey()).isEqualTo(eventKey);
        });
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "cloud|repo:push|PUSH|",
            "cloud|' REPO:PUSH '|PUSH|",
            "cloud|pullrequest:created|PULL_REQUEST|opened",
            "cloud|pullrequest:updated|PULL_REQUEST|updated",
            "cloud|pullrequest:approved|PULL_REQUEST|approved",
            "cloud|pullrequest:unapproved|PULL_REQUEST|unapproved",
            "cloud|pullrequest:changes_request_created|PULL_REQUEST|changes_requested",
            "cloud|pullrequest:fulfilled|PULL_REQUEST|merged",
            "cloud|pullrequest:rejected|PULL_REQUEST|declined",
            "cloud|pullrequest:comment_created|PULL_REQUEST|comment_created",
            "datacenter|repo:refs_changed|PUSH|",
            "datacenter|pr:opened|PULL_REQUEST|opened",
            "datacenter|pr:from_ref_updated|PULL_REQUEST|updated",
            "datacenter|pr:modified|PULL_REQUEST|updated",
            "datacenter|pr:reviewer:approved|PULL_REQUEST|approved",
            "datacenter|pr:reviewer:unapproved|PULL_REQUEST|unapproved",
            "datacenter|pr:reviewer:needs_work|PULL_REQUEST|changes_requested",
            "datacenter|pr:reviewer:changes_requested|PULL_REQUEST|changes_requested",
            "datacenter|pr:merged|PULL_REQUEST|merged",
            "datacenter|pr:declined|PULL_REQUEST|declined",
            "datacenter|pr:comment:added|PULL_REQUEST|comment_created" })
    void keysToRead(String flavor, String eventKey, EventKeys.Route.Kind kind, String action) {
        EventKeys.Route route = EventKeys.route(BitbucketFlavor.of(flavor), eventKey);

        assertThat(route.kind()).isEqualTo(kind);
        assertThat(route.action() == null ? null : route.action().id()).isEqualTo(action);
    }
}
