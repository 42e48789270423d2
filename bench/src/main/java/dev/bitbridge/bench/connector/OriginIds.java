package dev.bitbridge.bench.connector;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The raw event an enriched record came from: {@code origin.eventId} of a ref, commit or pull-request event (the raw
 * record's {@code ce_id}, Bitbucket's {@code X-Request-UUID}). Read with a streaming parser: the harness reads every
 * output record while the connector runs.
 */
public final class OriginIds {

    private static final JsonFactory JSON = new JsonFactory();

    private OriginIds() {
    }

    /** @return {@code origin.eventId} of a top-level JSON object, or {@code null} when it has none or is no JSON */
    public static String of(byte[] json) {
        if (json == null || json.length == 0) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("origin".equals(field) && value == JsonToken.START_OBJECT) {
                    return eventIdIn(parser);
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String eventIdIn(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("eventId".equals(field)) {
                return value == JsonToken.VALUE_STRING ? parser.getText() : null;
            }
            parser.skipChildren();
        }
        return null;
    }
}
