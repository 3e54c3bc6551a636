package io.qualtrack.ratelimit;

import io.qualtrack.security.ApiSecurity;
import io.qualtrack.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** A service that turns the limit on, secured as the services are: two writes per caller, one more every 30 s. */
@WebMvcTest(properties = {
        "qualtrack.rate-limit.writes.enabled=true",
        "qualtrack.rate-limit.writes.capacity=2",
        "qualtrack.rate-limit.writes.refill-requests=2",
        "qualtrack.rate-limit.writes.refill-period=1m"})
@ContextConfiguration(classes = WriteRateLimitTest.Service.class)
class WriteRateLimitTest {

    @Configuration(proxyBeanMethods = false)
    @Import({Things.class, Problems.class})
    static class Service {

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }

        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return ApiSecurity.chain(http, rules -> {
            });
        }
    }

    @RestController
    static class Things {

        final AtomicInteger created = new AtomicInteger();

        @PostMapping({"/api/things", "/elsewhere"})
        @ResponseStatus(HttpStatus.CREATED)
        void create() {
            created.incrementAndGet();
        }

        @GetMapping("/api/things")
        List<String> things() {
            return List.of();
        }
    }

    @RestControllerAdvice
    static class Problems extends ProblemDetailsAdvice {
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    Things things;

    @BeforeEach
    void everyAllowanceIsFull() {
        clock.advance(Duration.ofHours(1));
    }

    private MvcTestResult write(String caller, String path) {
        return mvc.post().uri(path).with(jwt().jwt(token -> token.subject(caller))).exchange();
    }

    private MvcTestResult write(String caller) {
        return write(caller, "/api/things");
    }

    @Test
    void aCallerOverItsAllowanceIsRefusedWith429ProblemDetailsAndRetryAfterWithoutReachingTheController() {
        int before = things.created.get();
        assertThat(write("north-mis")).hasStatus(201);
        assertThat(write("north-mis")).hasStatus(201);

        assertThat(write("north-mis")).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "30")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.status", status -> status.assertThat().isEqualTo(429))
                .hasPathSatisfying("$.title", title -> title.assertThat().isEqualTo("Too many requests"))
                .hasPathSatisfying("$.detail", detail -> detail.assertThat().asString()
                        .contains("2 in a burst, then 2 per 1m").contains("Try again in 30 seconds."))
                .hasPathSatisfying("$.instance", instance -> instance.assertThat().isEqualTo("/api/things"));
        assertThat(things.created.get() - before).isEqualTo(2);
    }

    @Test
    void eachCallerHasItsOwnAllowance() {
        write("north-mis");
        write("north-mis");
        assertThat(write("north-mis")).hasStatus(429);

        assertThat(write("south-mis")).hasStatus(201);
    }

    @Test
    void theAllowanceComesBackAsTimePasses() {
        write("demo-loader");
        write("demo-loader");
        assertThat(write("demo-loader")).hasStatus(429);

        clock.advance(Duration.ofSeconds(29));
        assertThat(write("demo-loader")).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(write("demo-loader")).hasStatus(201);
        assertThat(write("demo-loader")).hasStatus(429);
    }

    @Test
    void readsAndPathsOutsideTheLimitedOnesAreNotCounted() {
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.get().uri("/api/things").with(jwt().jwt(token -> token.subject("reader")))).hasStatusOk();
            assertThat(write("reader", "/elsewhere")).hasStatus(201);
        }
        assertThat(write("reader")).hasStatus(201);
    }

    @Test
    void aRequestWithoutATokenIsRefusedAsUnauthenticatedAndNotCounted() {
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.post().uri("/api/things")).hasStatus(401);
        }
    }
}
