package dev.bitbridge.launcher;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a class of this module in a JVM of its own, as another process would: on a class path of the module's main and
 * test classes only, which is all that {@link FakeService} and {@link LockProbe} need.
 */
final class TestJvm {

    private TestJvm() {
    }

    /** @return the folder holding the compiled test classes */
    static Path testClasses() {
        return location(TestJvm.class);
    }

    /** @return {@code java -cp <main and test classes> <mainClass> <args>} */
    static List<String> command(Class<?> mainClass, String... args) {
        String classPath = testClasses() + File.pathSeparator + location(LauncherHome.class);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
