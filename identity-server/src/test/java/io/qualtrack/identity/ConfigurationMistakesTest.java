package io.qualtrack.identity;

import io.qualtrack.identity.throttle.SignInThrottleSettings;
import io.qualtrack.identity.tokens.TokenPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings that cannot work stop the identity server at start, saying which and why. */
class ConfigurationMistakesTest {

    @Test
    void aResourceServerThatIsNoClientStopsTheStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(IdentityServerApplication.class)
                .properties("spring.config.name=identity-server")
                .run("--server.port=0", "--qualtrack.identity.tokens.resource-servers=no-such-client").close())
                .rootCause().hasMessageContaining("resource-servers names 'no-such-client', which is not a client");
    }

    @Test
    void aTokenLifetimeOfNothingIsRefused() {
        assertThatThrownBy(() -> new TokenPolicy(Duration.ZERO, List.of())).hasMessageContaining("access-token-lifetime must be positive");
    }

    @Test
    void aBackOffThatWouldBeForgottenBeforeItEndsIsRefused() {
        assertThatThrownBy(() -> new SignInThrottleSettings(5, 20, Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofHours(1)))
                .hasMessageContaining("forget-after must be at least longest-back-off");
        assertThatThrownBy(() -> new SignInThrottleSettings(0, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)))
                .hasMessageContaining("at least 1");
    }
}
