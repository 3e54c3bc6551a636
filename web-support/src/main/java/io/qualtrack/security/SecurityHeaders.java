package io.qualtrack.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The response headers every answer carries besides Spring Security's defaults (nosniff, no caching, frame denial):
 * a Content-Security-Policy, a Referrer-Policy and a Permissions-Policy. Pages load scripts and styles from their own
 * origin only, with nothing inline; APIs load nothing at all.
 */
public final class SecurityHeaders {

    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** For JSON APIs and the actuator: nothing to load, nothing to frame, no referrer. */
    public static Customizer<HeadersConfigurer<HttpSecurity>> forApis() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS));
    }

    /**
     * For HTML pages. Forms may post to the page's own origin and to {@code formTargets}: a browser checks every
     * redirect after a form is sent against {@code form-action}, and signing in or out is a form whose answer redirects
     * to the identity provider (or from it back to the application that asked).
     */
    public static Customizer<HeadersConfigurer<HttpSecurity>> forPages(String... formTargets) {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(pagesPolicy(formTargets)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS));
    }

    static String pagesPolicy(String... formTargets) {
        String forms = Arrays.stream(formTargets).map(SecurityHeaders::origin).filter(Objects::nonNull).distinct()
                .map(origin -> " " + origin).collect(Collectors.joining());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'; form-action 'self'" + forms;
    }

    /** {@code scheme://host[:port]} of an address, or null if it has none. */
    static @Nullable String origin(String address) {
        URI uri = URI.create(address.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
