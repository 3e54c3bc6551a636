package io.qualtrack.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service secured as the services are, with the kinds of rules they add (a read any signed-in caller may make, an
 * operations API): a token whose only role is {@code metrics-reader} (Prometheus') reads the metrics and nothing else.
 * The token checker takes {@code <role>+<role>…} and the roles are read from it as the services read them.
 */
@WebMvcTest
@ContextConfiguration(classes = MetricsReaderTest.Service.class)
class MetricsReaderTest {

    @Configuration(proxyBeanMethods = false)
    @Import(Endpoints.class)
    static class Service {

        @Bean
        JwtDecoder tokens() {
            return token -> Jwt.withTokenValue(token).header("alg", "none").subject("caller")
                    .claim("roles", List.of(token.split("\\+")))
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        }

        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return ApiSecurity.chain(http, rules -> rules
                    .requestMatchers("/api/operations/**").hasRole(Role.OPERATIONS.name())
                    .requestMatchers(HttpMethod.GET, "/api/**").authenticated());
        }
    }

    /** Stand-ins for the actuator's endpoints and a service's API: what is asked here is who gets to them. */
    @RestController
    static class Endpoints {
        @GetMapping({"/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/health/readiness"})
        String actuator() {
            return "answered";
        }

        @GetMapping("/api/units")
        List<String> units() {
            return List.of();
        }

        @GetMapping("/api/operations/dead-letters")
        List<String> deadLetters() {
            return List.of();
        }

        @PostMapping("/api/operations/dead-letters/redrive")
        String redrive() {
            return "re-driven";
        }
    }

    private static final String PROMETHEUS = "metrics-reader";

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult get(String path, String roles) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + roles).exchange();
    }

    @Test
    void aMetricsReaderReadsThePrometheusEndpoint() {
        assertThat(get("/actuator/prometheus", PROMETHEUS)).hasStatusOk();
    }

    @Test
    void aMetricsReaderGetsNoOtherActuatorEndpoint() {
        for (String path : List.of("/actuator/metrics", "/actuator/env")) {
            assertThat(get(path, PROMETHEUS)).as(path).hasStatus(403).bodyJson().extractingPath("$.status").isEqualTo(403);
        }
        assertThat(mvc.post().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + PROMETHEUS))
                .as("only reading").hasStatus(403);
    }

    @Test
    void aMetricsReaderGetsNothingOfTheApiNotEvenWhatAnyoneSignedInMayRead() {
        assertThat(get("/api/operations/dead-letters", PROMETHEUS)).hasStatus(403);
        assertThat(mvc.post().uri("/api/operations/dead-letters/redrive").header(HttpHeaders.AUTHORIZATION, "Bearer " + PROMETHEUS))
                .hasStatus(403);
        assertThat(get("/api/units", PROMETHEUS)).as("a read every other signed-in caller may make").hasStatus(403);
        assertThat(get("/api/units", "learner")).hasStatusOk();
        assertThat(get("/actuator/health/readiness", PROMETHEUS)).as("probes stay open").hasStatusOk();
    }

    @Test
    void operationsKeepsTheWholeActuatorAndAnotherRoleBesideMetricsReaderKeepsWhatItAllows() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/api/operations/dead-letters")) {
            assertThat(get(path, "operations")).as(path).hasStatusOk();
        }
        assertThat(get("/api/units", "learner+" + PROMETHEUS)).hasStatusOk();
        assertThat(get("/actuator/prometheus", "learner")).hasStatus(403);
    }
}
