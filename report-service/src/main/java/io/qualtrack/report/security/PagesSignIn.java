package io.qualtrack.report.security;

import io.qualtrack.security.Callers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.util.Collection;
import java.util.List;

/** The pages' OpenID Connect client, and the roles a signed-in person's ID token grants. */
final class PagesSignIn {

    static final String REGISTRATION_ID = "qualtrack";
    static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION_ID;

    private static final Logger log = LoggerFactory.getLogger(PagesSignIn.class);

    private PagesSignIn() {
    }

    /**
     * Asks the provider's discovery document on the first sign-in, not at start-up (and again after a failure), so the
     * service starts and serves its APIs and probes while the identity provider is still starting or down.
     */
    static ClientRegistrationRepository registrations(SignInProperties signIn) {
        return new SupplierClientRegistrationRepository(() -> new InMemoryClientRegistrationRepository(
                ClientRegistrations.fromIssuerLocation(signIn.issuerUri())
                        .registrationId(REGISTRATION_ID)
                        .clientId(signIn.clientId())
                        .clientSecret(signIn.clientSecret())
                        .scope("openid", "profile")
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                        .build()));
    }

    /** The reader gets a page that offers to try again; the log says why (the provider's error, a bad ID token…). */
    static AuthenticationFailureHandler failed() {
        var explain = new SimpleUrlAuthenticationFailureHandler("/signed-out?failed");
        return (request, response, e) -> {
            log.warn("A sign-in to the pages failed: {}", e.getMessage());
            explain.onAuthenticationFailure(request, response, e);
        };
    }

    /** The same roles an access token with these claims would grant: read from the ID token. */
    static GrantedAuthoritiesMapper rolesFromIdToken() {
        return authorities -> authorities.stream()
                .filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast).findFirst()
                .map(oidc -> (Collection<GrantedAuthority>) Callers.authorities(oidc.getIdToken().getSubject(), oidc.getIdToken().getClaims()))
                .orElse(List.of());
    }
}
