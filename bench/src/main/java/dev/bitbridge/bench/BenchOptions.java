package dev.bitbridge.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run can vary. Each option is read from {@code --name=value} on the command line, else from the system
 * property {@code bench.name}, else its default; {@code --smoke} shortens every phase's default to a few seconds.
 * {@code --producer.<kafka property>=value} overrides a setting of the baseline producer. {@code ingressUrl} and
 * {@code managementUrl} are {@code null} when the run starts the ingress itself.
 */
public record BenchOptions(
        Path root,
        Duration warmup,
        Duration duration,
        Duration latencyDuration,
        Duration producerWarmup,
        Duration producerDuration,
        int concurrency,
        int rate,
        int clientThreads,
        String bootstrapServers,
        Path ingressJar,
        String ingressUrl,
        String managementUrl,
        List<String> ingressJvmArgs,
        Duration readyTimeout,
        Path ingressLog,
        Path resultFile,
        Path fixtures,
        String payload,
        int repositories,
        String integration,
        String token,
        String secret,
        Map<String, String> producerOverrides,
        double targetRatio,
        Duration targetP99) {

    public static final String USAGE = """
            Usage: bench/run [--name=value ...]   (or -Dbench.name=value)

              --smoke                      a few seconds per phase instead of the defaults below
              --warmup=15s                 closed-loop warm-up of the ingress, not counted
              --duration=20s               closed-loop throughput phase
              --concurrency=32             C: keep-alive connections (ingress) / outstanding sends (producer)
              --rate=500                   open-loop request rate of the latency phase, per second
              --latency-duration=30s       length of the latency phase
              --producer-warmup=5s         warm-up of the plain producer, not counted
              --producer-duration=<duration>  plain producer phase (default: same as --duration)
              --client-threads=2           Vert.x event loops of the HTTP client
              --bootstrap-servers=h:p      use this Kafka instead of starting one in-process
              --ingress-jar=<root>/webhook-ingress/target/quarkus-app/quarkus-run.jar
              --ingress-jvm-args="-Xmx512m"  JVM options of the ingress child JVM (space separated; it runs in
                                           <root>, e.g. add -XX:StartFlightRecording=filename=bench/target/ingress.jfr);
                                           -XX:+ExitOnOutOfMemoryError is always added
              --ingress-log=<root>/bench/target/ingress.log
              --ingress-url=http://h:p     benchmark an ingress that is already running (needs --token, --secret,
                                           and --bootstrap-servers for the baseline)
              --management-url=http://h:9000  with --ingress-url: its management interface, where readiness is
                                           checked (default: the --ingress-url host, port 9000)
              --ready-timeout=180s         how long to wait for GET /q/health/ready on the management interface
              --fixtures=<root>/../shared/fixtures
              --payload=jenkins-bbs/cloud/signed_payload.json   file under --fixtures, a path, or 'generated'
              --repositories=8             distinct repository full_names (so record keys) the payloads cycle through
              --integration=bench --token=<random> --secret=<random>
              --producer.<kafka property>=<value>   override a setting of the baseline producer
              --target-ratio=0.25 --target-p99=20ms  targets the summary checks
              --result-file=<root>/bench/target/bench-result.txt
              --root=<dir>                 the project root (default: the current directory, or its parent in bench/)
            Durations: 500ms, 15s, 2m, or plain seconds.
            """;

    /** Quarkus's default {@code quarkus.management.port}: where an already running ingress serves its health. */
    static final int DEFAULT_MANAGEMENT_PORT = 9000;

    private static final Set<String> FLAGS = Set.of("smoke", "help");
    private static final Set<String> NAMES = Set.of("smoke", "help", "root", "warmup", "duration", "concurrency",
            "rate", "latency-duration", "producer-warmup", "producer-duration", "client-threads", "bootstrap-servers",
            "ingress-jar", "ingress-jvm-args", "ingress-url", "management-url", "ready-timeout", "ingress-log",
            "result-file", "fixtures", "payload", "repositories", "integration", "token", "secret", "target-ratio",
            "target-p99");

    /**
     * @param args command-line arguments
     * @return the options
     * @throws IllegalArgumentException on an unknown or malformed option
     */
    public static BenchOptions parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> producer = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'\n" + USAGE);
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? "true" : body.substring(eq + 1);
            if (name.startsWith("producer.")) {
                producer.put(name.substring("producer.".length()), value);
            } else {
                if (!NAMES.contains(name)) {
                    throw new IllegalArgumentException("Unknown option --" + name + "\n" + USAGE);
                }
                if (eq < 0 && !FLAGS.contains(name)) {
                    throw new IllegalArgumentException("Option --" + name + " needs a value: --" + name + "=...");
                }
                given.put(name, value);
            }
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(p -> p.startsWith("bench.producer."))
                .forEach(p -> producer.putIfAbsent(p.substring("bench.producer.".length()), System.getProperty(p)));

        Source source = new Source(given);
        boolean smoke = Boolean.parseBoolean(source.get("smoke", "false"));
        Path root = source.has("root") ? Path.of(source.get("root", null)) : detectRoot();
        Duration duration = source.duration("duration", smoke ? "5s" : "20s");
        String ingressUrl = source.get("ingress-url", null);
        if (ingressUrl == null && source.has("management-url")) {
            throw new IllegalArgumentException("--management-url only applies with --ingress-url; the ingress this "
                    + "run starts gets a free management port of its own");
        }
        BenchOptions options = new BenchOptions(
                root.toAbsolutePath().normalize(),
                source.duration("warmup", smoke ? "3s" : "15s"),
                duration,
                source.duration("latency-duration", smoke ? "5s" : "30s"),
                source.duration("producer-warmup", smoke ? "2s" : "5s"),
                source.has("producer-duration") ? source.duration("producer-duration", null) : duration,
                source.positiveInt("concurrency", "32"),
                source.positiveInt("rate", "500"),
                source.positiveInt("client-threads", "2"),
                source.get("bootstrap-servers", null),
                Path.of(source.get("ingress-jar",
                        root.resolve("webhook-ingress/target/quarkus-app/quarkus-run.jar").toString())),
                ingressUrl,
                ingressUrl == null ? null : trimSlash(source.get("management-url", defaultManagementUrl(ingressUrl))),
                splitArgs(source.get("ingress-jvm-args", "-Xmx512m")),
                source.duration("ready-timeout", "180s"),
                Path.of(source.get("ingress-log", root.resolve("bench/target/ingress.log").toString())),
                Path.of(source.get("result-file", root.resolve("bench/target/bench-result.txt").toString())),
                Path.of(source.get("fixtures", root.resolve("../shared/fixtures").toString())),
                source.get("payload", "jenkins-bbs/cloud/signed_payload.json"),
                source.positiveInt("repositories", "8"),
                source.get("integration", "bench"),
                source.get("token", randomHex(16)),
                source.get("secret", randomHex(32)),
                Map.copyOf(producer),
                Double.parseDouble(source.get("target-ratio", "0.25")),
                source.duration("target-p99", "20ms"));
        if (options.ingressUrl() != null && (!source.has("token") || !source.has("secret"))) {
            throw new IllegalArgumentException("--ingress-url needs the integration's --token and --secret");
        }
        return options;
    }

    /** @return whether {@code --help} was asked for */
    public static boolean wantsHelp(String... args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    /**
     * Parses {@code 500ms}, {@code 15s}, {@code 2m} or a plain number of seconds.
     *
     * @param text the duration
     * @return it
     */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a duration: '" + text + "' (use e.g. 500ms, 15s, 2m)", e);
        }
    }

    /**
     * @param ingressUrl the public URL of an ingress that is already running, e.g. {@code http://10.0.0.5:8080}
     * @return its management interface at Quarkus's default port on the same host, e.g. {@code http://10.0.0.5:9000}
     * @throws IllegalArgumentException when the URL has no host
     */
    static String defaultManagementUrl(String ingressUrl) {
        URI uri;
        try {
            uri = URI.create(ingressUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ingress-url is not a URL: '" + ingressUrl + "'", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--ingress-url needs a host, e.g. http://127.0.0.1:8080, was '"
                    + ingressUrl + "'");
        }
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        return scheme + "://" + uri.getHost() + ":" + DEFAULT_MANAGEMENT_PORT;
    }

    /** The project root: the current directory, or its parent when run from inside {@code bench/}. */
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

    private static String trimSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static List<String> splitArgs(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return List.copyOf(out);
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Command line first, then {@code bench.*} system properties. */
    private record Source(Map<String, String> given) {

        boolean has(String name) {
            return given.containsKey(name) || System.getProperty("bench." + name) != null;
        }

        String get(String name, String fallback) {
            String value = given.get(name);
            if (value == null) {
                value = System.getProperty("bench." + name);
            }
            return value == null ? fallback : value;
        }

        Duration duration(String name, String fallback) {
            Duration d = parseDuration(get(name, fallback));
            if (d.isNegative()) {
                throw new IllegalArgumentException("--" + name + " must not be negative");
            }
            return d;
        }

        int positiveInt(String name, String fallback) {
            String value = get(name, fallback);
            try {
                int n = Integer.parseInt(value.trim());
                if (n < 1) {
                    throw new IllegalArgumentException("--" + name + " must be at least 1, was " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is not a number: '" + value + "'", e);
            }
        }
    }
}
