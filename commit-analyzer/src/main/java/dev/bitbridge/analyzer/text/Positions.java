package dev.bitbridge.analyzer.text;

/** Where in a text something is, as reported to consumers: code points (not Java chars) and lines from 1. */
final class Positions {

    private Positions() {
    }

    static int codePointOffset(String text, int charIndex) {
        return text.codePointCount(0, charIndex);
    }

    /** Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}. */
    static int line(String text, int charIndex) {
        int line = 1;
        for (int i = 0; i < charIndex; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
