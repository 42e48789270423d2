package dev.bitbridge.analyzer.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds trigger tags — {@code #ci}, {@code #build}, {@code #jenkins}, {@code #jenkins:JobName} — and the
 * suppressions {@code [skip ci]}, {@code [ci skip]} and {@code #skip-ci}. The grammar, with its edge cases, is in the
 * module's README; in short:
 * <ul>
 * <li>A tag is {@code #} and its name, in any case, as a word of its own: before the {@code #} is the start of the
 * text, a space, or one of {@code ( [ { < " ' , ; ! ? *}; after the name is the end, a space, or punctuation other
 * than {@code - _ /} and letters or digits ({@code #ci.} counts, {@code #cinema}, {@code #ci-fast}, {@code issue#ci},
 * {@code \#ci} and {@code ##ci} do not).</li>
 * <li>Not in code ({@code `#ci`}, fenced blocks) or in URLs ({@code http://host/#build}).</li>
 * <li>{@code #jenkins:} is followed by a job path: folders separated by {@code /}, each segment made of characters
 * Jenkins allows in a job name, except that sentence punctuation ({@code . , ) '}) at its end is not part of it; or a
 * double-quoted path for names with spaces ({@code #jenkins:"Nightly Build"}). A colon followed by a space is
 * punctuation ({@code #ci: fix}, {@code #jenkins: please} are {@code #ci} and {@code #jenkins}); a colon followed by
 * anything that is not a job path makes no tag.</li>
 * <li>A suppression anywhere outside code and URLs wins: the text asks for nothing.</li>
 * </ul>
 */
public final class TriggerTags {

    private static final String BEFORE = "(?<=^|[\\s(\\[{<\"',;!?*])";
    private static final String AFTER = "(?=$|[\\s.,;!?)\\]}>\"'*]|:(?:\\s|$))";
    private static final Pattern TAG = Pattern.compile(BEFORE + "#(ci|build|jenkins|skip-ci)" + AFTER,
            Pattern.CASE_INSENSITIVE);
    /** Jenkins refuses {@code ? * / \ % ! @ # $ ^ & | < > [ ] : ;} in names ({@code Jenkins.checkGoodName}). */
    private static final String SEGMENT = "[^\\s?*/\\\\%!@#$^&|<>\\[\\]:;\"`]+";
    private static final Pattern NAMED = Pattern.compile(
            BEFORE + "#jenkins:(?:\"([^\"\\n]+)\"|(" + SEGMENT + "(?:/" + SEGMENT + ")*))" + AFTER,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SKIP = Pattern.compile("\\[(?:skip ci|ci skip)]", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING = ".,)'";

    private TriggerTags() {
    }

    /** @return the tags in {@code text}, or that it suppresses builds */
    public static Triggers in(String text) {
        if (text == null || text.isEmpty()) {
            return Triggers.NONE;
        }
        BitSet masked = Masks.codeAndUrls(text);
        if (suppressed(text, masked)) {
            return new Triggers(List.of(), true);
        }
        Map<Integer, TriggerTag> found = new java.util.TreeMap<>();
        Matcher named = NAMED.matcher(text);
        while (named.find()) {
            if (masked.get(named.start())) {
                continue;
            }
            String job = named.group(1) != null ? named.group(1).strip() : trimTrailing(named.group(2));
            if (!validPath(job)) {
                continue;
            }
            int end = named.group(1) != null ? named.end() : named.start(2) + job.length();
            found.put(named.start(), new TriggerTag(TriggerTag.Kind.NAMED_JOB, job, text.substring(named.start(), end),
                    Positions.codePointOffset(text, named.start())));
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            if (masked.get(tag.start()) || found.containsKey(tag.start())) {
                continue;
            }
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            TriggerTag.Kind kind = name.equals("jenkins") ? TriggerTag.Kind.DEFAULT_JENKINS_JOB
                    : TriggerTag.Kind.DEFAULT_BUILD;
            found.put(tag.start(), new TriggerTag(kind, null, tag.group(), Positions.codePointOffset(text, tag.start())));
        }
        return new Triggers(distinct(found.values()), false);
    }

    private static boolean suppressed(String text, BitSet masked) {
        Matcher skip = SKIP.matcher(text);
        while (skip.find()) {
            if (!masked.get(skip.start())) {
                return true;
            }
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            if (!masked.get(tag.start()) && tag.group(1).equalsIgnoreCase("skip-ci")) {
                return true;
            }
        }
        return false;
    }

    /** Jenkins has no job named {@code .} or {@code ..}, and a path has no empty folder. */
    private static boolean validPath(String job) {
        for (String segment : job.split("/", -1)) {
            if (segment.isBlank() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String trimTrailing(String job) {
        int end = job.length();
        while (end > 0 && TRAILING.indexOf(job.charAt(end - 1)) >= 0) {
            end--;
        }
        return job.substring(0, end);
    }

    /** One tag per distinct request: {@code #ci} twice, or {@code #ci} and {@code #build}, ask for one build. */
    private static List<TriggerTag> distinct(Iterable<TriggerTag> tags) {
        Map<String, TriggerTag> first = new LinkedHashMap<>();
        for (TriggerTag tag : tags) {
            first.putIfAbsent(tag.kind() + ":" + tag.job(), tag);
        }
        return new ArrayList<>(first.values());
    }
}
