package dev.bitbridge.testkit.bitbucket.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of URL paths. Unlike {@link java.net.URLDecoder}, a {@code +} in a path is a plus, not a space.
 * Branch names may hold slashes and any Unicode letter ({@code feature/straße}): links keep the slashes, as
 * Bitbucket's own links do ({@code .../commits/feature/webhook} in {@code jenkins-bbs/cloud/signed_payload.json}),
 * and encode the rest as UTF-8.
 */
public final class UrlPaths {

    private UrlPaths() {
    }

    /** @return the text with {@code %XX} sequences decoded as UTF-8 */
    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '%' && i + 2 < raw.length() && hex(raw, i + 1)) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int end = i + Character.charCount(raw.codePointAt(i));
                byte[] bytes = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i = end;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return the path with every character but unreserved ones and {@code /} percent-encoded as UTF-8 */
    public static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c >= '0' && c <= '9'
                    || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean hex(String s, int at) {
        return Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }
}
