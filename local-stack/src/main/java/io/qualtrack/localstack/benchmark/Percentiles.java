package io.qualtrack.localstack.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** p50 / p95 / p99 (nearest rank) of a set of durations, in milliseconds. */
record Percentiles(int samples, double p50, double p95, double p99) {

    static Percentiles ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalStateException("no samples: nothing was measured");
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99));
    }

    private static double rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    String describe() {
        return String.format(Locale.ROOT, "p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (n=%d)", p50, p95, p99, samples);
    }
}
