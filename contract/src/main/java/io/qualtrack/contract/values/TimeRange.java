package io.qualtrack.contract.values;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Every instant and date in an event lies from {@value #FIRST_YEAR}-01-01 to the end of {@value #LAST_YEAR}
 * (UTC). Wide enough for any qualification's history and plans, narrow enough that no arithmetic on a
 * date (durations, days since, a day's bucket) can overflow, and fixed, so a record valid today is valid
 * when a topic is replayed years later.
 */
public final class TimeRange {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    public static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31);
    private static final Instant START = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private TimeRange() {
    }

    /** What is wrong with a required instant, or empty when it is in range. */
    public static Optional<String> problem(String field, @Nullable Instant value) {
        if (value == null) {
            return Optional.of(field + " is required");
        }
        return contains(value) ? Optional.empty() : Optional.of(outOfRange(field));
    }

    /** What is wrong with a required date, or empty when it is in range. */
    public static Optional<String> problem(String field, @Nullable LocalDate value) {
        if (value == null) {
            return Optional.of(field + " is required");
        }
        return contains(value) ? Optional.empty() : Optional.of(outOfRange(field));
    }

    /** What is wrong with an optional instant: nothing when it is absent or in range. */
    public static Optional<String> problemIfPresent(String field, @Nullable Instant value) {
        return value == null ? Optional.empty() : problem(field, value);
    }

    public static boolean contains(Instant value) {
        return !value.isBefore(START) && value.isBefore(END);
    }

    public static boolean contains(LocalDate value) {
        return !value.isBefore(FIRST_DAY) && !value.isAfter(LAST_DAY);
    }

    private static String outOfRange(String field) {
        return field + " must be from " + FIRST_DAY + " to " + LAST_DAY + " (UTC)";
    }
}
