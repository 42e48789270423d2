package dev.bitbridge.testkit.jenkins;

import java.nio.charset.StandardCharsets;

/**
 * Jenkins' encoding of an item name into a URL segment ({@code hudson.Util.rawEncode}): letters, digits and
 * {@code !$&'()*+,-.=@_} stay, everything else is percent-encoded as UTF-8 ({@code feature%2Ffoo} becomes
 * {@code feature%252Ffoo}, a space {@code %20}).
 */
final class JenkinsUrls {

    private static final String KEPT = "!$&'()*+,-.=@_";

    private JenkinsUrls() {
    }

    static String rawEncode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c < 0x80 && KEPT.indexOf(
                    c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
