package io.qualtrack.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CallerRateLimitAutoConfigurationTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CallerRateLimitAutoConfiguration.class));

    @Test
    void limitsNothingUnlessTheServiceTurnsItOn() {
        service.run(context -> assertThat(context).doesNotHaveBean("writeRateLimit"));
        service.withPropertyValues("qualtrack.rate-limit.writes.enabled=true")
                .run(context -> assertThat(context).hasBean("writeRateLimit").doesNotHaveBean("readRateLimit"));
        service.withPropertyValues("qualtrack.rate-limit.reads.enabled=true")
                .run(context -> assertThat(context).hasBean("readRateLimit").doesNotHaveBean("writeRateLimit"));
    }

    @Test
    void settingsThatCannotWorkStopTheServiceSayingWhich() {
        service.withPropertyValues("qualtrack.rate-limit.writes.enabled=true", "qualtrack.rate-limit.writes.capacity=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("capacity and refill-requests must be at least 1"));
        service.withPropertyValues("qualtrack.rate-limit.reads.enabled=true", "qualtrack.rate-limit.reads.exports.refill-period=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("refill-period positive"));
    }
}
