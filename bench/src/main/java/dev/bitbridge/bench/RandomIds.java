package dev.bitbridge.bench;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Version-4 UUIDs from {@link ThreadLocalRandom}: unique enough for delivery ids, without SecureRandom's cost. */
final class RandomIds {

    private RandomIds() {
    }

    static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
