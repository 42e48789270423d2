package dev.bitbridge.credentials;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The named values of one credential, e.g. {@code email} and {@code token}. Immutable. {@link #toString()} names the
 * fields but never shows a value, so a credential that reaches a log line or an exception message leaks nothing.
 */
public final class SecretFields {

    private final Map<String, String> values;

    private SecretFields(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param values field names and values; neither may be null
     * @return the credential's fields
     */
    public static SecretFields of(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        TreeMap<String, String> copy = new TreeMap<>();
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "field name");
            Objects.requireNonNull(value, () -> "value of field " + name);
            copy.put(name, value);
        });
        return new SecretFields(Collections.unmodifiableMap(copy));
    }

    /** @return the value of {@code name}, if present */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @return the value of {@code name}
     * @throws IllegalStateException naming the missing field (never a value)
     */
    public String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("The credential has no field '" + name + "' (it has " + values.keySet() + ")");
        }
        return value;
    }

    /** @return every field, for implementations that serialise them; never log the result */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretFields that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "SecretFields" + values.keySet();
    }
}
