package io.qualtrack.testsupport;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.stream.IntStream;

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
}
