package io.qualtrack.identity.throttle;

import io.qualtrack.identity.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Wrong client secrets and wrong passwords back off; right ones after a back-off, and every token request that
 * succeeds, go through. The clock only moves when a test moves it.
 */
@SpringBootTest(properties = {"spring.config.name=identity-server",
        "qualtrack.identity.sign-in-throttle.allowed-failures=3",
        "qualtrack.identity.sign-in-throttle.allowed-failures-per-address=8",
        "qualtrack.identity.sign-in-throttle.first-back-off=30s",
        "qualtrack.identity.sign-in-throttle.longest-back-off=2m",
        "qualtrack.identity.sign-in-throttle.forget-after=1h"})
@AutoConfigureMockMvc
@Import(SignInThrottleTest.StoppedClock.class)
class SignInThrottleTest {

    private static final String ADDRESS = "192.0.2.10";

    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void whatFailedBeforeIsForgotten() {
        clock.advance(Duration.ofHours(2));
    }

    private MvcTestResult token(String client, String secret, String address) {
        return mvc.post().uri("/oauth2/token")
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("grant_type=client_credentials").exchange();
    }

    private MvcTestResult token(String client, String secret) {
        return token(client, secret, ADDRESS);
    }

    private MvcTestResult signIn(String username, String password) {
        return mvc.post().uri("/login").with(csrf())
                .with(request -> {
                    request.setRemoteAddr(ADDRESS);
                    return request;
                })
                .param("username", username).param("password", password).exchange();
    }

    @Test
    void aClientWithTooManyWrongSecretsIsRefusedWith429EvenWithTheRightOneUntilItsBackOffEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(token("north-mis", "guess-" + i)).hasStatus(401);
        }

        MvcTestResult refused = token("north-mis", "demo-north-mis-secret");
        assertThat(refused).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "30").bodyJson()
                .hasPathSatisfying("$.error", error -> error.assertThat().isEqualTo("temporarily_unavailable"))
                .hasPathSatisfying("$.error_description", text -> text.assertThat().asString().contains("try again in 30 seconds"));

        clock.advance(Duration.ofSeconds(29));
        assertThat(token("north-mis", "demo-north-mis-secret")).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(token("north-mis", "demo-north-mis-secret")).hasStatusOk();
    }

    @Test
    void secretsSentInTheFormCountAsThoughSentInTheHeader() {
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("grant_type=client_credentials&client_id=benchmark&client_secret=guess-" + i)).hasStatus(401);
        }
        assertThat(token("benchmark", "benchmark-secret", "127.0.0.1")).hasStatus(429);
        assertThat(mvc.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("grant_type=client_credentials&client_id=benchmark&client_secret=benchmark-secret")).hasStatus(429);
    }

    @Test
    void eachFailureAfterABackOffDoublesTheNextUpToTheLongest() {
        for (int i = 0; i < 3; i++) {
            token("south-mis", "guess-" + i);
        }
        assertThat(token("south-mis", "demo-south-mis-secret")).hasHeader(HttpHeaders.RETRY_AFTER, "30");

        clock.advance(Duration.ofSeconds(30));
        assertThat(token("south-mis", "guess")).as("one attempt after the back-off").hasStatus(401);
        assertThat(token("south-mis", "demo-south-mis-secret")).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "60");

        clock.advance(Duration.ofSeconds(60));
        assertThat(token("south-mis", "guess")).hasStatus(401);
        assertThat(token("south-mis", "demo-south-mis-secret")).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "120");

        clock.advance(Duration.ofSeconds(120));
        assertThat(token("south-mis", "guess")).hasStatus(401);
        assertThat(token("south-mis", "demo-south-mis-secret")).as("the longest back-off").hasHeader(HttpHeaders.RETRY_AFTER, "120");
    }

    @Test
    void aRightSecretResetsTheClientsFailures() {
        token("demo-loader", "guess-1");
        token("demo-loader", "guess-2");
        assertThat(token("demo-loader", "demo-loader-secret")).hasStatusOk();

        assertThat(token("demo-loader", "guess-3")).hasStatus(401);
        assertThat(token("demo-loader", "guess-4")).hasStatus(401);
        assertThat(token("demo-loader", "demo-loader-secret")).hasStatusOk();
    }

    @Test
    void tokenRequestsThatSucceedAreNeverCounted() {
        for (int i = 0; i < 50; i++) {
            assertThat(token("demo-loader", "demo-loader-secret")).hasStatusOk();
        }
    }

    @Test
    void oneClientsWrongSecretsDoNotHoldUpAnother() {
        for (int i = 0; i < 3; i++) {
            token("north-mis", "guess-" + i);
        }
        assertThat(token("north-mis", "demo-north-mis-secret")).hasStatus(429);
        assertThat(token("south-mis", "demo-south-mis-secret")).hasStatusOk();
    }

    @Test
    void anAddressGuessingManyClientIdsIsRefusedForEveryClientWhileOtherAddressesAreNot() {
        String guesser = "198.51.100.7";
        for (int i = 0; i < 8; i++) {
            assertThat(token("guessed-client-" + i, "guess", guesser)).hasStatus(401);
        }

        assertThat(token("demo-loader", "demo-loader-secret", guesser)).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "30");
        assertThat(token("demo-loader", "demo-loader-secret", "198.51.100.8")).hasStatusOk();
    }

    @Test
    void aPersonWithTooManyWrongPasswordsIsShownTheSignInPageWith429SayingForHowLong() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("author", "guess-" + i)).hasStatus(302).hasRedirectedUrl("/login?error");
        }

        MvcTestResult refused = signIn("author", "demo-author");
        assertThat(refused).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "30")
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(refused).bodyText()
                .contains("Too many failed sign-ins for this username or from this address. Try again in 30 seconds.")
                .contains("name=\"username\" value=\"author\"").contains("name=\"password\"").contains("name=\"_csrf\"");

        clock.advance(Duration.ofSeconds(30));
        assertThat(signIn("author", "demo-author")).hasStatus(302).hasRedirectedUrl("/");
    }

    @Test
    void aUsernameIsThrottledHoweverItIsTyped() {
        signIn("Ops", "guess-1");
        signIn(" ops", "guess-2");
        signIn("OPS ", "guess-3");
        assertThat(signIn("ops", "demo-ops")).hasStatus(429);
    }

    @Test
    void aRightPasswordResetsThePersonsFailures() {
        signIn("north.manager", "guess-1");
        signIn("north.manager", "guess-2");
        assertThat(signIn("north.manager", "demo-north")).hasStatus(302).hasRedirectedUrl("/");

        signIn("north.manager", "guess-3");
        signIn("north.manager", "guess-4");
        assertThat(signIn("north.manager", "demo-north")).hasStatus(302).hasRedirectedUrl("/");
    }
}
