package io.qualtrack.ratelimit;

import io.qualtrack.security.ApiSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service secured as the services are, whose token checker takes {@code good-<subject>} and counts what it is asked
 * to check: three failed authentications per address, three more a minute.
 */
@WebMvcTest(properties = {
        "qualtrack.rate-limit.failed-authentications.capacity=3",
        "qualtrack.rate-limit.failed-authentications.refill-requests=3",
        "qualtrack.rate-limit.failed-authentications.refill-period=1m"})
@ContextConfiguration(classes = FailedAuthenticationLimitTest.Service.class)
class FailedAuthenticationLimitTest {

    private static final String GUESSER = "203.0.113.7";

    @Configuration(proxyBeanMethods = false)
    @Import(Things.class)
    static class Service {

        final AtomicInteger tokensChecked = new AtomicInteger();

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }

        @Bean
        JwtDecoder tokens() {
            return token -> {
                tokensChecked.incrementAndGet();
                if (!token.startsWith("good-")) {
                    throw new BadJwtException("not a token of ours");
                }
                return Jwt.withTokenValue(token).header("alg", "none").subject(token.substring(5))
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
            };
        }

        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return ApiSecurity.chain(http, rules -> {
            });
        }
    }

    @RestController
    static class Things {
        @GetMapping("/api/things")
        List<String> things() {
            return List.of();
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    Service service;

    @BeforeEach
    void everyAllowanceIsFull() {
        clock.advance(Duration.ofHours(1));
    }

    private MvcTestResult get(String path, String token, String address) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).exchange();
    }

    @Test
    void anAddressOverItsFailuresIsRefusedWith429AndRetryAfterBeforeItsTokenIsChecked() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/things", "forged", GUESSER)).hasStatus(401);
        }
        int checked = service.tokensChecked.get();

        assertThat(get("/api/things", "forged", GUESSER)).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "20")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.title", title -> title.assertThat().isEqualTo("Too many requests"))
                .hasPathSatisfying("$.detail", detail -> detail.assertThat().asString()
                        .contains("Too many failed authentications from this address").contains("Try again in 20 seconds."));
        assertThat(get("/api/things", "good-north-mis", GUESSER)).as("even a good token, or guessing would not slow down")
                .hasStatus(429);
        assertThat(service.tokensChecked.get()).isEqualTo(checked);
    }

    @Test
    void goodTokensFromOtherAddressesAreNotAffected() {
        for (int i = 0; i < 5; i++) {
            get("/api/things", "expired", GUESSER);
        }
        assertThat(get("/api/things", "good-south-mis", "198.51.100.20")).hasStatusOk();
        assertThat(get("/api/things", "forged", "198.51.100.20")).hasStatus(401);
    }

    @Test
    void theAddressIsLetInAgainAsItsBucketRefills() {
        for (int i = 0; i < 4; i++) {
            get("/api/things", "forged", GUESSER);
        }
        clock.advance(Duration.ofSeconds(19));
        assertThat(get("/api/things", "good-north-mis", GUESSER)).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(get("/api/things", "good-north-mis", GUESSER)).hasStatusOk();
        assertThat(get("/api/things", "forged", GUESSER)).hasStatus(401);
        assertThat(get("/api/things", "forged", GUESSER)).hasStatus(429);
    }

    @Test
    void goodTokensAndRequestsWithoutOneAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            assertThat(get("/api/things", "good-north-mis", GUESSER)).hasStatusOk();
            assertThat(mvc.get().uri("/api/things").with(request -> {
                request.setRemoteAddr(GUESSER);
                return request;
            })).hasStatus(401);
        }
        assertThat(get("/api/things", "forged", GUESSER)).hasStatus(401);
    }

    @Test
    void theHealthProbesAreNeverLimited() {
        for (int i = 0; i < 5; i++) {
            get("/api/things", "forged", GUESSER);
        }
        assertThat(get("/api/things", "forged", GUESSER)).hasStatus(429);
        assertThat(get("/actuator/health/liveness", "forged", GUESSER).getResponse().getStatus()).isNotEqualTo(429);
        assertThat(get("/actuator/health", "forged", GUESSER).getResponse().getStatus()).isNotEqualTo(429);
    }
}
