package dev.bitbridge.analyzer.text;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a text that do not count: code (Markdown code spans and fenced code blocks, where a developer quotes
 * {@code #ci} or {@code UTF-8} without meaning it) and, for trigger tags, URLs ({@code http://host/#build}).
 * Indexes are {@code char} indexes of the text.
 */
final class Masks {

    private static final Pattern FENCE = Pattern.compile("(?m)^ {0,3}(`{3,}|~{3,})");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]*://|www\\.)\\S+");

    private Masks() {
    }

    /** @return the code in {@code text}: fenced blocks (to their closing fence, or the end) and code spans */
    static BitSet code(String text) {
        BitSet masked = new BitSet(text.length());
        fencedBlocks(text, masked);
        codeSpans(text, masked);
        return masked;
    }

    /** @return the code and the URLs in {@code text} */
    static BitSet codeAndUrls(String text) {
        BitSet masked = code(text);
        Matcher url = URL.matcher(text);
        while (url.find()) {
            masked.set(url.start(), url.end());
        }
        return masked;
    }

    private static void fencedBlocks(String text, BitSet masked) {
        Matcher fence = FENCE.matcher(text);
        int from = 0;
        while (from < text.length() && fence.find(from)) {
            String marker = fence.group(1);
            int start = fence.start();
            int end = text.length();
            Matcher closing = Pattern.compile("(?m)^ {0,3}" + Pattern.quote(marker.substring(0, 3)) + "+[ \\t]*$")
                    .matcher(text);
            int afterOpening = lineEnd(text, fence.end());
            if (closing.find(afterOpening)) {
                end = closing.end();
            }
            masked.set(start, end);
            from = end;
        }
    }

    /** CommonMark: a run of n backticks opens a span that the next run of exactly n backticks closes. */
    private static void codeSpans(String text, BitSet masked) {
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '`' || masked.get(i)) {
                i++;
                continue;
            }
            int run = runLength(text, i);
            int close = findRun(text, i + run, run);
            if (close < 0) {
                i += run; // an unmatched run is literal text
                continue;
            }
            masked.set(i, close + run);
            i = close + run;
        }
    }

    private static int runLength(String text, int at) {
        int end = at;
        while (end < text.length() && text.charAt(end) == '`') {
            end++;
        }
        return end - at;
    }

    private static int findRun(String text, int from, int length) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '`') {
                int run = runLength(text, i);
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline + 1;
    }
}
