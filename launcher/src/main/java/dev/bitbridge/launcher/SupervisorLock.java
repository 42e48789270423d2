package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An operating-system lock on {@code run/supervisor.lock}, held by the supervisor for its whole life so that only one
 * supervisor uses a home; see {@link LauncherHome#tryLock()}.
 * <p>
 * Such a lock belongs to the process, not to the channel that took it, and closing any channel on the file drops it.
 * So while this JVM holds the lock, no second channel on the file is even opened: another instance asking for it is
 * refused from a registry of the locks this JVM holds.
 */
final class SupervisorLock {

    private static final Set<Path> HELD_BY_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path file;
    private FileChannel channel;

    SupervisorLock(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** @return whether this instance now holds the lock (also when it held it already) */
    synchronized boolean tryLock() {
        if (channel != null) {
            return true;
        }
        if (!HELD_BY_THIS_JVM.add(file)) {
            return false;
        }
        boolean locked = false;
        try {
            FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock taken;
            try {
                taken = opened.tryLock();
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
            if (taken == null) {
                opened.close();
                return false;
            }
            channel = opened;
            locked = true;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take the supervisor lock " + file, e);
        } finally {
            if (!locked) {
                HELD_BY_THIS_JVM.remove(file);
            }
        }
    }

    /** Releases the lock if this instance holds it. */
    synchronized void release() {
        if (channel == null) {
            return;
        }
        try {
            channel.close(); // which releases the lock
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the supervisor lock " + file, e);
        } finally {
            channel = null;
            HELD_BY_THIS_JVM.remove(file);
        }
    }
}
