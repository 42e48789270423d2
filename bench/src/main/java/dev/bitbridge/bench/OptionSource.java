package dev.bitbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a benchmark run as its command line and system properties give them: {@code --name=value} first,
 * then the system property {@code bench.name}, then the caller's default. Shared by the connector and trigger
 * harnesses, which differ only in their option names and defaults.
 */
public final class OptionSource {

    private final Map<String, String> given;

    private OptionSource(Map<String, String> given) {
        this.given = given;
    }

    /**
     * @param args command-line arguments, each {@code --name=value} or, for a flag, {@code --name}
     * @param names every option the harness knows
     * @param flags the options that take no value
     * @param usage what an unknown option is answered with
     * @return the options given
     * @throws IllegalArgumentException on an unknown or malformed option
     */
    public static OptionSource parse(String[] args, Set<String> names, Set<String> flags, String usage) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'\n" + usage);
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "\n" + usage);
            }
            if (eq < 0 && !flags.contains(name)) {
                throw new IllegalArgumentException("Option --" + name + " needs a value: --" + name + "=...");
            }
            given.put(name, eq < 0 ? "true" : body.substring(eq + 1));
        }
        return new OptionSource(given);
    }

    /** @return whether the option was given, on the command line or as a system property */
    public boolean has(String name) {
        return given.containsKey(name) || System.getProperty("bench." + name) != null;
    }

    /** @return the option's value, or {@code fallback} */
    public String get(String name, String fallback) {
        String value = given.get(name);
        if (value == null) {
            value = System.getProperty("bench." + name);
        }
        return value == null ? fallback : value;
    }

    /** @return a flag or boolean option */
    public boolean flag(String name, String fallback) {
        return Boolean.parseBoolean(get(name, fallback).trim());
    }

    /** @return a duration ({@link BenchOptions#parseDuration}), not negative */
    public Duration duration(String name, String fallback) {
        Duration d = BenchOptions.parseDuration(get(name, fallback));
        if (d.isNegative()) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return d;
    }

    /** @return a number of at least 1 */
    public int positiveInt(String name, String fallback) {
        int n = nonNegativeInt(name, fallback);
        if (n < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, was " + n);
        }
        return n;
    }

    /** @return a number of at least 0 */
    public int nonNegativeInt(String name, String fallback) {
        String value = get(name, fallback);
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative, was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is not a number: '" + value + "'", e);
        }
    }

    /** @return a decimal number */
    public double decimal(String name, String fallback) {
        String value = get(name, fallback);
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is not a number: '" + value + "'", e);
        }
    }

    /** @return a comma-separated list of numbers of at least 1, e.g. {@code 100,200} */
    public List<Integer> positiveInts(String name, String fallback) {
        return positiveIntList(name, get(name, fallback));
    }

    /** @return the numbers of {@code text}, each at least 1; empty parts are skipped */
    public static List<Integer> positiveIntList(String name, String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int n = Integer.parseInt(part.trim());
                if (n < 1) {
                    throw new IllegalArgumentException("--" + name + " must be positive, was " + n);
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is not a list of numbers: '" + text + "'", e);
            }
        }
        return List.copyOf(out);
    }

    /** @return the names of a comma-separated list, each one of {@code known} */
    public static Set<String> choices(String what, String text, List<String> known) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String choice = part.trim();
            if (choice.isEmpty()) {
                continue;
            }
            if (!known.contains(choice)) {
                throw new IllegalArgumentException("Unknown " + what + " '" + choice + "'; " + what + "s are " + known);
            }
            out.add(choice);
        }
        return Set.copyOf(out);
    }

    /** @return JVM options or similar, separated by white space */
    public static List<String> splitArgs(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return List.copyOf(out);
    }

    /** @return {@code --root} if given, else the current directory, or its parent when that is {@code bench/} */
    public Path root() {
        return (has("root") ? Path.of(get("root", null)) : detectRoot()).toAbsolutePath().normalize();
    }

    private static Path detectRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("bench")) && Files.exists(cwd.resolve("pom.xml"))) {
            return cwd;
        }
        if (cwd.getFileName() != null && cwd.getFileName().toString().equals("bench") && cwd.getParent() != null
                && Files.exists(cwd.getParent().resolve("pom.xml"))) {
            return cwd.getParent();
        }
        return cwd;
    }
}
