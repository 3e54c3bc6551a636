package io.qualtrack.contract.values;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TimeRangeTest {

    @Test
    void instantsFromTheFirstToTheLastDayOfTheRangeAreValid() {
        assertThat(TimeRange.problem("occurredAt", Instant.parse("2000-01-01T00:00:00Z"))).isEmpty();
        assertThat(TimeRange.problem("occurredAt", Instant.parse("2026-12-03T09:00:00Z"))).isEmpty();
        assertThat(TimeRange.problem("occurredAt", Instant.parse("2099-12-31T23:59:59.999Z"))).isEmpty();
    }

    @Test
    void instantsOutsideTheRangeAreRefusedNamingTheRange() {
        for (Instant far : new Instant[] {Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.parse("1700-01-01T00:00:00Z"),
                Instant.parse("1999-12-31T23:59:59.999Z"), Instant.parse("2100-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z")}) {
            assertThat(TimeRange.problem("occurredAt", far)).as(far.toString())
                    .contains("occurredAt must be from 2000-01-01 to 2099-12-31 (UTC)");
        }
    }

    @Test
    void datesOutsideTheRangeAreRefused() {
        assertThat(TimeRange.problem("startDate", LocalDate.of(2026, 9, 1))).isEmpty();
        assertThat(TimeRange.problem("startDate", LocalDate.MIN)).isPresent();
        assertThat(TimeRange.problem("plannedEndDate", LocalDate.of(2300, 1, 1))).isPresent();
        assertThat(TimeRange.problem("plannedEndDate", (LocalDate) null)).contains("plannedEndDate is required");
    }

    @Test
    void anAbsentOptionalInstantIsFine() {
        assertThat(TimeRange.problemIfPresent("withdrawnAt", null)).isEmpty();
        assertThat(TimeRange.problemIfPresent("withdrawnAt", Instant.MAX)).isPresent();
    }
}
