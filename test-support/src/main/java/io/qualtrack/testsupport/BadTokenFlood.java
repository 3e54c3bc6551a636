package io.qualtrack.testsupport;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client at one address sending tokens that are not good enough (expired, tampered, of another issuer, for another
 * audience, not a JWT at all), one after another, as the probe that found no limit on them did (F37). Each test gives
 * its own address, so the failures it spends are no other test's.
 */
public final class BadTokenFlood {

    private BadTokenFlood() {
    }

    /** The request comes from this remote address. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The status of each of {@code requests} GETs of {@code path} with a bad token, in order. */
    public static List<Integer> statuses(MockMvcTester mvc, String path, int requests, String address) {
        TestIssuer issuer = TestIssuer.shared();
        TestCaller ops = TestCaller.operations();
        List<String> tokens = List.of(issuer.expiredToken(ops.subject(), ops.claims()), issuer.tamperedToken(ops.subject(), ops.claims()),
                issuer.tokenOfAnotherIssuer(ops.subject(), ops.claims()), issuer.tokenForAnotherAudience(ops.subject(), ops.claims()),
                "not-a-jwt");
        return IntStream.range(0, requests).mapToObj(i -> mvc.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(i % tokens.size())).with(from(address))
                .exchange().getResponse().getStatus()).toList();
    }

    /**
     * What every resource server must do about a flood (F37): from one address, the first 30 bad tokens are answered
     * {@code 401}, the next 70 {@code 429} before they are read; a good token from there waits too (one failure is
     * forgiven every 10 s, on the wall clock, so up to 10 s); a good token from elsewhere and the probes are not held up.
     */
    public static void assertLimitedByAddress(MockMvcTester mvc, String path, TestCaller good) {
        String flooding = "203.0.113.66";
        List<Integer> statuses = statuses(mvc, path, 100, flooding);

        assertThat(statuses.subList(0, 30)).containsOnly(401);
        assertThat(statuses.subList(30, 100)).containsOnly(429);
        String token = TestTokens.bearer(good);
        assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).with(from(flooding)))
                .as("a good token from there waits too").hasStatus(429)
                .satisfies(refused -> assertThat(Integer.parseInt(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1, 10))
                .bodyJson().extractingPath("$.detail").asString().contains("Too many failed authentications from this address");
        assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).with(from("198.51.100.66"))).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/health/liveness").header(HttpHeaders.AUTHORIZATION, "").with(from(flooding))).hasStatusOk();
    }
}
