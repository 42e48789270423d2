package dev.bitbridge.connector.enrichment.payload;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.bitbridge.events.webhook.BitbucketFlavor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every webhook fixture the shared {@code MANIFEST.md} lists reads with the key the manifest gives it, into the kind
 * of notice its key calls for; and each has concrete assertions in one of the fixture tests of this package (a new
 * fixture fails here until it has).
 */
class ManifestWebhooksTest {

    /** The webhook fixtures the *FixturesTest classes of this package assert value by value. */
    private static final Set<String> ASSERTED = Set.of(
            "go-scm/cloud/push.json", "jenkins-bbs/cloud/multipleChangesPayload.json",
            "jenkins-bbs/cloud/signed_payload.json", "go-scm/cloud/pr_created.json", "go-scm/cloud/pr_updated.json",
            "go-scm/cloud/pr_fulfilled.json", "go-scm/cloud/pr_declined.json", "go-scm/cloud/pr_comment_created.json",
            "go-scm/cloud/pipeline_hook_created.json", "woodpecker/cloud/HookPullApproved.json",
            "woodpecker/cloud/HookPullCommentCreated.json", "go-scm/server/push.json",
            "jenkins-bbs/server/pushPayload_v10.json", "woodpecker/datacenter/HookPush.json",
            "go-scm/server/pr_open.json", "go-scm/server/pr_open_iso_dates.json", "go-scm/server/pr_merged.json",
            "go-scm/server/pr_declined.json", "go-scm/server/pr_from_ref_updated.json", "jenkins-bbs/server/ping.json");

    private record Row(BitbucketFlavor flavor, String file, String eventKey) {
    }

    @TestFactory
    Stream<DynamicTest> everyListedWebhookReads() throws IOException {
        List<Row> rows = webhookRows();

        assertThat(rows).extracting(Row::file).containsExactlyInAnyOrderElementsOf(ASSERTED);
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.flavor().id() + " " + row.eventKey() + " "
                + row.file(), () -> {
                    Notice notice = Fixtures.read(row.flavor(), row.eventKey(), row.file());
                    EventKeys.Route route = EventKeys.route(row.flavor(), row.eventKey());
                    switch (route.kind()) {
                        case PUSH -> assertThat(notice).isInstanceOf(PushNotice.class);
                        case PULL_REQUEST -> assertThat(notice).isInstanceOfSatisfying(PullRequestNotice.class,
                                pr -> assertThat(pr.action()).isEqualTo(route.action()));
                        case IGNORE -> assertThat(notice).isEqualTo(new Ignored(route.reason(), row.eventKey()));
                    }
                    assertThat(route.reason()).as("no manifest webhook has an unknown key")
                            .isNotEqualTo(Ignored.Reason.UNKNOWN_KEY);
                }));
    }

    /** @return the rows of the manifest's two webhook tables: file, source path, event key, notes */
    private static List<Row> webhookRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        BitbucketFlavor flavor = null;
        for (String line : Files.readAllLines(Fixtures.dir().resolve("MANIFEST.md"))) {
            if (line.startsWith("## ")) {
                flavor = line.startsWith("## Bitbucket Cloud webhooks") ? BitbucketFlavor.CLOUD
                        : line.startsWith("## Bitbucket Server / Data Center webhooks") ? BitbucketFlavor.DATACENTER
                                : null;
            } else if (flavor != null && line.startsWith("|") && !line.startsWith("| File") && !line.startsWith("|--")) {
                String[] cells = line.split("\\|");
                rows.add(new Row(flavor, cells[1].trim(), cells[3].trim().replace("`", "")));
            }
        }
        return rows;
    }
}
