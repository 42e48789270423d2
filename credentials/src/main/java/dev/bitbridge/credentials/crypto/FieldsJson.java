package dev.bitbridge.credentials.crypto;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.credentials.CredentialStoreException;
import dev.bitbridge.credentials.SecretFields;

/**
 * A credential's fields as the JSON object that gets encrypted, e.g. {@code {"email":"…","token":"…"}}. Parse errors
 * are reported without Jackson's message, which can quote the input.
 */
public final class FieldsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private FieldsJson() {
    }

    /** @return the fields as UTF-8 JSON */
    public static byte[] write(SecretFields fields) {
        try {
            return MAPPER.writeValueAsBytes(fields.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings could not be written as JSON");
        }
    }

    /**
     * @param path where the credential is kept, for the error message
     * @param json what {@link #write} produced
     * @return the fields
     * @throws CredentialStoreException when {@code json} is not an object of strings
     */
    public static SecretFields read(String path, byte[] json) {
        try {
            Map<String, String> fields = MAPPER.readValue(json, FIELDS);
            if (fields == null || fields.containsValue(null)) {
                throw new IOException("not an object of strings");
            }
            return SecretFields.of(fields);
        } catch (IOException e) {
            throw new CredentialStoreException("The credential at '" + path + "' decrypted to something other than a JSON"
                    + " object of string fields");
        }
    }
}
