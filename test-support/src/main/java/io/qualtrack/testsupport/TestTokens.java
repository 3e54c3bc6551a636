package io.qualtrack.testsupport;

import io.qualtrack.security.Callers;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Services under test trust the {@link TestIssuer}, and their MockMvc requests carry its tokens. */
public final class TestTokens {

    public static final String ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private TestTokens() {
    }

    /** For a {@code @DynamicPropertySource}: the service validates tokens against the JVM's test issuer. */
    public static void trustTestIssuer(DynamicPropertyRegistry registry) {
        registry.add(ISSUER_PROPERTY, () -> TestIssuer.shared().uri());
    }

    public static String bearer(TestCaller caller) {
        return "Bearer " + TestIssuer.shared().token(caller);
    }

    /**
     * For web slices, which have no issuer to ask: every MockMvc request is made as {@code caller}, its token already
     * validated (Spring Security's test support), its roles read the way the services read them.
     */
    public static MockMvcBuilderCustomizer mockedByDefaultAs(TestCaller caller) {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.subject(caller.subject()).claims(claims -> claims.putAll(caller.claims())))
                .authorities(jwt -> Callers.authorities(jwt.getSubject(), jwt.getClaims()))));
    }

    /**
     * Every MockMvc request of the test context is made as {@code caller}, unless the request sets its own
     * {@code Authorization} header (a request's own headers win over the default request's).
     */
    public static MockMvcBuilderCustomizer byDefaultAs(TestCaller caller) {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").header(HttpHeaders.AUTHORIZATION, bearer(caller)));
    }
}
