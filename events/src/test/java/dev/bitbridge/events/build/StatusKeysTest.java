package dev.bitbridge.events.build;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatusKeysTest {

    @Test
    void theDefaultJobPostsAsJenkins() {
        assertThat(StatusKeys.of(null, null)).isEqualTo("jenkins");
        assertThat(StatusKeys.of(" ", null)).isEqualTo("jenkins");
        assertThat(StatusKeys.of(null, 17L)).isEqualTo("jenkins-pr17");
    }

    @Test
    void aJobPathBecomesItsReadableKey() {
        assertThat(StatusKeys.of("Games/Client", null)).isEqualTo("Games-Client");
        assertThat(StatusKeys.of("Games/Client_2.0-rc", null)).isEqualTo("Games-Client_2.0-rc");
        assertThat(StatusKeys.of("Spiele/Größe", null)).isEqualTo("Spiele-Gr--e");
        assertThat(StatusKeys.of("a b:c", null)).isEqualTo("a-b-c");
    }

    @Test
    void aPullRequestBuiltSeparatelyGetsAKeyOfItsOwn() {
        assertThat(StatusKeys.of("Games/Client", 17L)).isEqualTo("Games-Client-pr17").isNotEqualTo(StatusKeys.of(
                "Games/Client", null));
        assertThat(StatusKeys.of("Games/Client", 17L)).isNotEqualTo(StatusKeys.of("Games/Client", 18L));
    }

    @ParameterizedTest
    @ValueSource(ints = { 39, 40, 41, 200 })
    void aKeyIsNeverLongerThan40Characters(int length) {
        String job = "j".repeat(length);

        assertThat(StatusKeys.of(job, null)).hasSizeLessThanOrEqualTo(StatusKeys.MAX_LENGTH);
        assertThat(StatusKeys.of(job, 1234567890L)).hasSizeLessThanOrEqualTo(StatusKeys.MAX_LENGTH);
        assertThat(StatusKeys.of(job, null)).isEqualTo(length <= 40 ? job : StatusKeys.of(job, null));
    }

    @Test
    void aKeyOfExactly40CharactersIsKeptAndOneOf41IsShortened() {
        assertThat(StatusKeys.of("k".repeat(40), null)).isEqualTo("k".repeat(40));
        assertThat(StatusKeys.of("k".repeat(41), null)).hasSize(40).startsWith("k".repeat(31) + "~")
                .matches(".*~[0-9a-f]{8}");
    }

    @Test
    void aLongNonAsciiJobNameStaysWithin40AsciiCharacters() {
        String job = "Spiele/" + "Veröffentlichung-für-🚀-".repeat(10);

        String key = StatusKeys.of(job, 99L);

        assertThat(key).hasSizeLessThanOrEqualTo(40).matches("[A-Za-z0-9._~-]+");
        assertThat(key.codePointCount(0, key.length())).isEqualTo(key.length());
    }

    @Test
    void twoLongNamesSharingTheirFirst40CharactersGetDifferentKeys() {
        String prefix = "Games/Platform/Consoles/Release-Candidates/";
        List<String> keys = List.of(StatusKeys.of(prefix + "Client", null), StatusKeys.of(prefix + "Server", null),
                StatusKeys.of(prefix + "Client", 17L));

        assertThat(keys).doesNotHaveDuplicates().allSatisfy(k -> assertThat(k).hasSize(40));
    }

    @Test
    void aKeyIsTheSameEveryTime() {
        String job = "Games/" + "x".repeat(100);

        assertThat(StatusKeys.of(job, 5L)).isEqualTo(StatusKeys.of(job, 5L)).isEqualTo(StatusKeys.of(new String(job),
                5L));
        assertThat(StatusKeys.of("Games/Client", null)).isEqualTo(StatusKeys.of("Games/Client", null));
    }
}
