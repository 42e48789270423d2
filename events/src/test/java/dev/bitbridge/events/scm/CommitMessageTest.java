package dev.bitbridge.events.scm;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommitMessageTest {

    private static final String H = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private static final String ROCKET = "\uD83D\uDE80"; // one code point, two chars

    @Test
    void aMessageWithinTheBoundIsKeptWhole() {
        String message = "GAME-12 Räder 🚀\n\n" + "x".repeat(CommitMessage.MAX_LENGTH - 20);

        assertThat(CommitMessage.of(H, message)).isEqualTo(new CommitMessage(H, message, false));
        assertThat(CommitMessage.of(H, "x".repeat(CommitMessage.MAX_LENGTH)).truncated()).isFalse();
    }

    @Test
    void aLongerMessageIsCutAt4096Characters() {
        CommitMessage cut = CommitMessage.of(H, "y".repeat(CommitMessage.MAX_LENGTH + 1));

        assertThat(cut.message()).isEqualTo("y".repeat(CommitMessage.MAX_LENGTH));
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.hash()).isEqualTo(H);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String message = "x".repeat(CommitMessage.MAX_LENGTH - 1) + ROCKET + "tail";

        CommitMessage cut = CommitMessage.of(H, message);

        assertThat(cut.message()).isEqualTo("x".repeat(CommitMessage.MAX_LENGTH - 1));
        assertThat(cut.truncated()).isTrue();
    }

    @Test
    void aPairEndingExactlyAtTheBoundIsKept() {
        String message = "x".repeat(CommitMessage.MAX_LENGTH - 2) + ROCKET + "tail";

        CommitMessage cut = CommitMessage.of(H, message);

        assertThat(cut.message()).hasSize(CommitMessage.MAX_LENGTH).endsWith(ROCKET);
        assertThat(Character.isHighSurrogate(cut.message().charAt(cut.message().length() - 1))).isFalse();
    }

    @Test
    void aMessageOfPairsOnlyIsCutBetweenPairs() {
        CommitMessage cut = CommitMessage.of(H, ROCKET.repeat(CommitMessage.MAX_LENGTH));

        assertThat(cut.message()).isEqualTo(ROCKET.repeat(CommitMessage.MAX_LENGTH / 2));
        assertThat(cut.truncated()).isTrue();
    }

    @Test
    void noMessageIsAnEmptyOne() {
        assertThat(CommitMessage.of(H, null)).isEqualTo(new CommitMessage(H, "", false));
    }

    @Test
    void atMostThe256NewestAreKeptInTheirOrder() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            hashes.add("%040x".formatted(i));
        }

        List<CommitMessage> messages = CommitMessage.of(hashes, hash -> "message of " + hash);

        assertThat(messages).hasSize(CommitMessage.MAX_COMMITS);
        assertThat(messages).extracting(CommitMessage::hash).isEqualTo(hashes.subList(0, CommitMessage.MAX_COMMITS));
        assertThat(messages.get(0).message()).isEqualTo("message of " + hashes.get(0));
    }

    @Test
    void fewerThanTheBoundAreAllKept() {
        assertThat(CommitMessage.of(List.of(H), hash -> "only")).containsExactly(new CommitMessage(H, "only", false));
        assertThat(CommitMessage.of(List.of(), hash -> "none")).isEmpty();
    }

    @Test
    void eachOfTheListIsCutToo() {
        List<CommitMessage> messages = CommitMessage.of(List.of(H), hash -> "z".repeat(10_000));

        assertThat(messages.get(0).message()).hasSize(CommitMessage.MAX_LENGTH);
        assertThat(messages.get(0).truncated()).isTrue();
    }
}
