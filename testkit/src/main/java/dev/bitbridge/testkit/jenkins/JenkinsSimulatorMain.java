package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a Jenkins simulator as a process, for demos: {@code --port N} (0 = any), {@code --queue-delay 5s},
 * {@code --build-duration 30s}, {@code --result SUCCESS|UNSTABLE|FAILURE|ABORTED|NOT_BUILT} (durations as
 * {@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 {@code PT5S}). Seeds the user {@code demo} (password
 * {@code demo-password}, API token {@code demo-api-token}), the Pipeline job {@code app} with the string parameters
 * Bitbridge sends, and {@code Games/Client} inside a folder; prints the URL and credentials. Stops on Ctrl-C.
 */
public final class JenkinsSimulatorMain {

    /** The parameters of the seeded job {@code app}. */
    static final String[] APP_PARAMETERS = { "COMMIT", "BRANCH", "REPOSITORY", "PULL_REQUEST", "TASK_KEYS",
            "BITBRIDGE_REQUEST_ID", "REQUESTED_BY" };

    private JenkinsSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        Duration queueDelay = Duration.ofSeconds(2);
        Duration buildDuration = Duration.ofSeconds(10);
        BuildResult result = BuildResult.SUCCESS;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--queue-delay" -> queueDelay = duration(args[++i]);
                    case "--build-duration" -> buildDuration = duration(args[++i]);
                    case "--result" -> result = BuildResult.valueOf(args[++i].toUpperCase(Locale.ROOT));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: [--port N] [--queue-delay 2s] [--build-duration 10s] [--result SUCCESS]");
            System.exit(2);
            return;
        }
        JenkinsSimulator jenkins = JenkinsSimulator.start(port);
        jenkins.addUser("demo", "demo-password").apiToken("demo", "demo-api-token");
        jenkins.createJob("app", APP_PARAMETERS).createJob("Games/Client");
        jenkins.delays(queueDelay, buildDuration).defaultResult("app", result).defaultResult("Games/Client", result);
        System.out.println("Jenkins simulator at " + jenkins.url() + "/");
        System.out.println("jobs: app (parameters " + String.join(", ", APP_PARAMETERS) + "), Games/Client");
        System.out.println("credential: Basic demo : demo-api-token (API token, no crumb needed)");
        System.out.println("credential: Basic demo : demo-password (password, POSTs need a crumb)");
        System.out.println("queue delay " + queueDelay + ", build duration " + buildDuration + ", result " + result);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            jenkins.close();
            stop.countDown();
        }, "jenkins-sim-stop"));
        stop.await();
    }

    /** @return {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or ISO-8601 read as a duration */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("Not a duration: " + text);
        };
    }
}
