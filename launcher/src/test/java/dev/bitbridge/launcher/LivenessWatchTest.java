package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.bitbridge.launcher.LivenessWatch.Answer;
import dev.bitbridge.launcher.LivenessWatch.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's liveness probe: DOWN three times in a row restarts, anything else does not. */
class LivenessWatchTest {

    static final String DOWN = """
            {"status":"DOWN","checks":[{"name":"fatal-errors","status":"UP"},
             {"name":"build-trigger loops","status":"DOWN","data":{"dispatch":"a dispatch pass has run since 10:00"}}]}""";
    static final String UP = """
            {"status":"UP","checks":[{"name":"build-trigger loops","status":"UP"}]}""";

    private final Deque<Optional<Answer>> answers = new ArrayDeque<>();
    private final LivenessWatch watch = new LivenessWatch(url -> answers.removeFirst());

    @Test
    void threeDownAnswersInARowRestartAndSayWhichCheckFailed() {
        answer(503, DOWN, 503, DOWN, 503, DOWN);

        assertThat(check().kind()).isEqualTo(Kind.DOWN);
        LivenessWatch.Verdict second = check();
        assertThat(second.kind()).isEqualTo(Kind.DOWN);
        assertThat(second.detail()).isEqualTo("liveness DOWN (2 in a row): build-trigger loops"
                + " {\"dispatch\":\"a dispatch pass has run since 10:00\"}");
        assertThat(check().kind()).isEqualTo(Kind.RESTART);
    }

    @Test
    void anUpAnswerBetweenStartsTheCountAgain() {
        answer(503, DOWN, 503, DOWN, 200, UP, 503, DOWN, 503, DOWN);

        for (int i = 0; i < 5; i++) {
            assertThat(check().kind()).isNotEqualTo(Kind.RESTART);
        }
    }

    @Test
    void noAnswerConcludesNothingAndDoesNotBreakTheCount() {
        answers.add(Optional.of(new Answer(503, DOWN)));
        answers.add(Optional.empty());
        answers.add(Optional.of(new Answer(503, DOWN)));
        answers.add(Optional.of(new Answer(503, DOWN)));

        assertThat(check().kind()).isEqualTo(Kind.DOWN);
        assertThat(check().kind()).isEqualTo(Kind.NO_ANSWER);
        assertThat(check().kind()).isEqualTo(Kind.DOWN);
        assertThat(check().kind()).isEqualTo(Kind.RESTART);
    }

    @Test
    void aRestartedServiceIsCountedAfresh() {
        answer(503, DOWN, 503, DOWN, 503, DOWN, 503, DOWN);

        check();
        check();
        watch.reset("build-trigger");

        assertThat(check().kind()).isEqualTo(Kind.DOWN);
        assertThat(check().kind()).isEqualTo(Kind.DOWN);
    }

    @Test
    void anAnswerThatIsNoHealthReportIsNamedByItsStatus() {
        assertThat(LivenessWatch.failing(new Answer(500, "<html>oops</html>"))).isEqualTo("HTTP 500");
    }

    @Test
    void itAsksTheServicesManagementPortOverHttp() throws IOException {
        HttpServer management = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        management.createContext("/q/health/live", exchange -> {
            byte[] body = DOWN.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        management.start();
        try {
            LivenessWatch real = new LivenessWatch();
            LivenessWatch.Verdict verdict = real.check("build-trigger",
                    LivenessWatch.url(management.getAddress().getPort()));
            assertThat(verdict.kind()).isEqualTo(Kind.DOWN);
            assertThat(verdict.detail()).contains("build-trigger loops");
        } finally {
            management.stop(0);
        }
        assertThat(new LivenessWatch().check("gone", LivenessWatch.url(management.getAddress().getPort())).kind())
                .as("nothing listens any more").isEqualTo(Kind.NO_ANSWER);
    }

    private LivenessWatch.Verdict check() {
        return watch.check("build-trigger", LivenessWatch.url(9004));
    }

    private void answer(Object... statusAndBody) {
        for (int i = 0; i < statusAndBody.length; i += 2) {
            answers.add(Optional.of(new Answer((Integer) statusAndBody[i], (String) statusAndBody[i + 1])));
        }
    }
}
