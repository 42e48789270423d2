package dev.bitbridge.ingress.integrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.SecretSealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

class IntegrationRecordHandlerWhyTest {

    private static final String SECRET = "s3cr3t-token-value";
    private static final String HASH = "sha256:" + "a".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** @return what reading {@code record} as a route threw; the record's {@code $SECRET} and {@code $HASH} filled in */
    private static Exception readFailure(String record) {
        String json = record.replace("$SECRET", SECRET).replace("$HASH", HASH).replace('\'', '"');
        Exception failure = catchException(() -> JSON.readValue(json.getBytes(StandardCharsets.UTF_8),
                IntegrationRoute.class));
        assertThat(failure).as("reading %s", json).isNotNull();
        return failure;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "enabled is the token | {'name':'acme','flavor':'cloud','enabled':'$SECRET','tokenHash':'$HASH'}"
                    + " | field 'enabled' has the wrong type or form",
            "enabled is a list | {'name':'acme','flavor':'cloud','enabled':['$SECRET'],'tokenHash':'$HASH'}"
                    + " | field 'enabled' has the wrong type or form",
            "flavor is the token | {'name':'acme','flavor':'$SECRET','enabled':true,'tokenHash':'$HASH'}"
                    + " | field 'flavor' has the wrong type or form",
            "truncated in the hash | {'name':'acme','flavor':'cloud','enabled':true,'tokenHash':'$SECRET"
                    + " | field 'tokenHash' has the wrong type or form",
            "token as the hash | {'name':'acme','flavor':'cloud','enabled':true,'tokenHash':'$SECRET'}"
                    + " | a required field (name, flavor, tokenHash) is missing or malformed",
            "secret as a name | {'name':'S3CR3T-TOKEN-VALUE','flavor':'cloud','enabled':true,'tokenHash':'$HASH'}"
                    + " | a required field (name, flavor, tokenHash) is missing or malformed",
            "sealed secret is a string | {'name':'acme','flavor':'cloud','tokenHash':'$HASH','webhookSecret':'$SECRET'}"
                    + " | field 'webhookSecret' has the wrong type or form",
            "sealed secret's algorithm is a list | {'name':'acme','flavor':'cloud','tokenHash':'$HASH',"
                    + "'webhookSecret':{'keyId':'k','algorithm':['$SECRET'],'value':'v'}}"
                    + " | field 'webhookSecret.algorithm' has the wrong type or form",
            "updatedAt is the token | {'name':'acme','flavor':'cloud','tokenHash':'$HASH','updatedAt':'$SECRET'}"
                    + " | field 'updatedAt' has the wrong type or form",
            "the token unquoted | {'name':'acme','flavor':$SECRET} | not valid JSON (line 1, column 25)",
            "the token as an array | ['$SECRET'] | a required field (name, flavor, tokenHash) is missing or malformed" })
    void aRecordThatCannotBeReadIsDescribedWithoutQuotingIt(String what, String record, String description) {
        Exception failure = readFailure(record);

        assertThat(IntegrationRecordHandler.why(failure)).isEqualTo(description).doesNotContain(SECRET, "s3cr3t",
                "S3CR3T");
    }

    @Test
    void jacksonsOwnMessagesWouldHaveQuotedTheToken() {
        assertThat(readFailure("{'name':'acme','flavor':'cloud','enabled':'$SECRET','tokenHash':'$HASH'}"))
                .hasMessageContaining(SECRET);
        assertThat(readFailure("{'name':'acme','flavor':'$SECRET','enabled':true,'tokenHash':'$HASH'}"))
                .hasMessageContaining(SECRET);
        assertThat(readFailure("{'name':'acme','flavor':'cloud','tokenHash':'$HASH','updatedAt':'$SECRET'}"))
                .hasMessageContaining(SECRET);
    }

    @Test
    void aTruncatedRecordOutsideAValueIsDescribedByPosition() {
        Exception failure = readFailure("{'name':'acme',\n'flavor':'cloud',\n'tokenHash':");

        assertThat(IntegrationRecordHandler.why(failure)).isEqualTo("not valid JSON (line 3, column 13)");
    }

    @Test
    void aSyntaxErrorIsDescribedByLineAndColumn() {
        Exception failure = readFailure("{'name':'acme',\n  'flavor':'cloud',\n  'tokenHash':$SECRET}");

        assertThat(IntegrationRecordHandler.why(failure)).isEqualTo("not valid JSON (line 3, column 15)");
    }

    @Test
    void theIngresssOwnRefusalsAreDescribedByTheirMessage() {
        assertThat(IntegrationRecordHandler.why(new IllegalArgumentException("its key differs from its name 'acme'")))
                .isEqualTo("its key differs from its name 'acme'");
        assertThat(IntegrationRecordHandler.why(new SecretSealer.SealingException("Secret of integration 'acme' is"
                + " sealed with key 'k', which is not configured here"))).contains("key 'k'");
    }

    @Test
    void anUnreadableRecordIsDescribedWithoutItsMessage() {
        assertThat(IntegrationRecordHandler.why(new IOException(SECRET))).isEqualTo("it could not be read");
    }
}
