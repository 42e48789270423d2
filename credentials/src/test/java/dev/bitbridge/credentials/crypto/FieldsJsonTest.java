package dev.bitbridge.credentials.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.credentials.CredentialStoreException;
import dev.bitbridge.credentials.SecretFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsJsonTest {

    @Test
    void fieldsSurviveTheRoundTripIncludingQuotesAndUnicode() {
        SecretFields fields = SecretFields.of(Map.of("email", "ci@acme.example", "token", "a\"b\\c\u00e9\u2603", "empty", ""));

        assertThat(FieldsJson.read("p", FieldsJson.write(fields))).isEqualTo(fields);
    }

    @Test
    void somethingElseThanAnObjectOfStringsIsRefusedWithoutQuotingIt() {
        for (String json : new String[] { "not json hunter2", "[\"hunter2\"]", "{\"a\":{\"b\":\"hunter2\"}}",
                "{\"a\":null}", "null" }) {
            assertThatThrownBy(() -> FieldsJson.read("integrations/x", json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(CredentialStoreException.class)
                    .hasMessageContaining("'integrations/x'")
                    .hasMessageNotContaining("hunter2")
                    .hasNoCause();
        }
    }
}
