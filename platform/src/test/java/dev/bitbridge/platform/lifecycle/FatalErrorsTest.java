package dev.bitbridge.platform.lifecycle;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first Error ends the process once, with status 70, and says where it happened; exceptions do not. */
class FatalErrorsTest {

    private final RecordingProcessExit exit = new RecordingProcessExit();
    private final FatalErrors fatalErrors = new FatalErrors(exit);
    private Thread.UncaughtExceptionHandler original;

    @BeforeEach
    void keepTheJvmsHandler() {
        original = Thread.getDefaultUncaughtExceptionHandler();
    }

    @AfterEach
    void restoreTheJvmsHandler() {
        Thread.setDefaultUncaughtExceptionHandler(original);
    }

    @Test
    void theFirstErrorEndsTheProcessOnceAndIsReported() {
        assertThat(fatalErrors.problem()).isEmpty();

        fatalErrors.handle("reader of some.topic", new StackOverflowError());
        fatalErrors.handle("another thread", new OutOfMemoryError("simulated"));

        assertThat(exit.statuses()).containsExactly(FatalErrors.EXIT_STATUS);
        assertThat(FatalErrors.EXIT_STATUS).isEqualTo(70);
        assertThat(fatalErrors.problem()).hasValue("reader of some.topic: java.lang.StackOverflowError");
    }

    @Test
    void anUncaughtErrorInAnyThreadEndsTheProcessAndAnExceptionGoesToThePreviousHandler() throws Exception {
        List<Throwable> passedOn = new ArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> passedOn.add(failure));
        fatalErrors.installDefaultHandler(null);

        IllegalStateException exception = new IllegalStateException("an ordinary bug");
        run("worker-1", () -> {
            throw exception;
        });
        assertThat(passedOn).containsExactly(exception);
        assertThat(exit.statuses()).isEmpty();

        run("worker-2", () -> {
            throw new StackOverflowError();
        });
        assertThat(exit.statuses()).containsExactly(FatalErrors.EXIT_STATUS);
        assertThat(fatalErrors.problem()).hasValue("thread worker-2: java.lang.StackOverflowError");

        fatalErrors.restoreDefaultHandler(null);
        Thread.getDefaultUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), exception);
        assertThat(passedOn).containsExactly(exception, exception);
    }

    private static void run(String name, Runnable work) throws InterruptedException {
        Thread thread = new Thread(work, name);
        thread.start();
        thread.join();
    }
}
