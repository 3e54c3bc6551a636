package io.qualtrack.spike.streams;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where a consumer loop's time went: nanoseconds per named phase, in the order first seen. */
final class Phases {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    /** Charges the time since the last mark to {@code phase}. */
    synchronized void lap(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - mark, Long::sum);
        mark = now;
    }

    synchronized void reset() {
        mark = System.nanoTime();
    }

    @Override
    public synchronized String toString() {
        StringBuilder text = new StringBuilder();
        nanos.forEach((phase, n) -> text.append(String.format("%s %.2f s; ", phase, n / 1e9)));
        return text.toString();
    }
}
