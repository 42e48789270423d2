package dev.bitbridge.launcher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process trying the supervisor lock, for {@link LauncherHomeTest}: tries the lock of the home given as the
 * argument, prints {@code locked} or {@code busy}, and, having got it, holds it until its standard input ends.
 */
public final class LockProbe {

    private LockProbe() {
    }

    public static void main(String[] args) throws IOException {
        boolean locked = new LauncherHome(Path.of(args[0])).tryLock();
        System.out.println(locked ? "locked" : "busy");
        System.out.flush();
        if (locked) {
            while (System.in.read() != -1) {
                // holding the lock
            }
        }
    }
}
