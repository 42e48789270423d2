package dev.bitbridge.api;

/**
 * Query parameters read by hand where JAX-RS would convert them: a {@code @QueryParam int} that does not convert answers
 * 404 (the JAX-RS rule for query and path parameters), which tells the caller nothing; these answer 400 naming the
 * parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * @param name the parameter's name, for the error
     * @param raw its value as sent, or null when absent
     * @param absent the value when it is absent or empty
     * @return the whole number sent, or {@code absent}
     * @throws ApiException 400 naming the parameter when it is not a whole number
     */
    public static int integer(String name, String raw, int absent) {
        Integer value = integer(name, raw);
        return value == null ? absent : value;
    }

    /**
     * @return the whole number sent, or null when the parameter is absent or empty
     * @throws ApiException 400 naming the parameter when it is not a whole number
     */
    public static Integer integer(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number (was '" + shown(raw) + "')");
        }
    }

    private static String shown(String raw) {
        String printable = raw.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 20 ? printable : printable.substring(0, 20) + "…";
    }
}
