package dev.bitbridge.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Counts the warnings and errors in the suite's logs ({@code <home>/logs/*.log}), with the most frequent message of
 * each log, so that a service failing quietly under load shows in the summary.
 */
final class LogScan {

    private static final Pattern ERROR = Pattern.compile("\\bERROR\\b|\\bSEVERE\\b|\\bFATAL\\b|\\bPANIC\\b");
    private static final Pattern WARN = Pattern.compile("\\bWARN(ING)?\\b");
    /** A line's leading time (and PostgreSQL's pid), left out of its message. */
    private static final Pattern PREFIX = Pattern.compile("^[0-9:,. -]+(UTC)?\\s*(\\[\\d+\\])?\\s*");
    /** Numbers and hashes, so that repeats of one message count as one. */
    private static final Pattern NOISE = Pattern.compile("\\b[0-9a-f]{12,}\\b|\\b\\d+\\b");

    private LogScan() {
    }

    /** @return one line per log with warnings or errors, e.g. {@code postgres.log: 900 ERROR, 0 WARN; most: …} */
    static List<String> scan(Path logs) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                String summary = summarize(log.getFileName().toString(), Files.readAllLines(log));
                if (summary != null) {
                    out.add(summary);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            out.add("logs unreadable: " + e.getMessage());
        }
        return out;
    }

    /** @return the summary of one log's lines, or {@code null} when it has no warning or error */
    static String summarize(String name, List<String> lines) {
        int errors = 0;
        int warnings = 0;
        Map<String, Integer> messages = new LinkedHashMap<>();
        for (String line : lines) {
            boolean error = ERROR.matcher(line).find();
            boolean warning = !error && WARN.matcher(line).find();
            if (!error && !warning) {
                continue;
            }
            if (error) {
                errors++;
            } else {
                warnings++;
            }
            String key = NOISE.matcher(PREFIX.matcher(line).replaceFirst("")).replaceAll("#").trim();
            messages.merge(key.length() > 200 ? key.substring(0, 200) + "…" : key, 1, Integer::sum);
        }
        if (errors == 0 && warnings == 0) {
            return null;
        }
        Map.Entry<String, Integer> most = messages.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return name + ": " + errors + " error line(s), " + warnings + " warning line(s); most frequent (" + most
                .getValue() + "×): " + most.getKey();
    }
}
