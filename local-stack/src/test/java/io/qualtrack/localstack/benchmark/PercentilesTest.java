package io.qualtrack.localstack.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    @Test
    void nearestRankInMilliseconds() {
        List<Long> oneToHundredMillis = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).boxed().toList();

        Percentiles p = Percentiles.ofNanos(oneToHundredMillis.reversed());

        assertThat(p).isEqualTo(new Percentiles(100, 50.0, 95.0, 99.0));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(Percentiles.ofNanos(List.of(7_000_000L))).isEqualTo(new Percentiles(1, 7.0, 7.0, 7.0));
    }

    @Test
    void nothingMeasuredIsAnError() {
        assertThatThrownBy(() -> Percentiles.ofNanos(List.of())).hasMessageContaining("no samples");
    }
}
