package io.qualtrack.report.security;

import io.qualtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagesSignInTest {

    @Test
    void theProviderIsAskedAtTheFirstSignInNotAtStartUpAndAgainAfterAFailure() {
        var notUpYet = PagesSignIn.registrations(new SignInProperties("http://127.0.0.1:9/not-up-yet", "pages", "secret"));
        assertThatThrownBy(() -> notUpYet.findByRegistrationId(PagesSignIn.REGISTRATION_ID))
                .isInstanceOf(IllegalArgumentException.class);

        var registration = PagesSignIn.registrations(new SignInProperties(TestIssuer.shared().uri(), "pages", "secret"))
                .findByRegistrationId(PagesSignIn.REGISTRATION_ID);
        assertThat(registration.getClientId()).isEqualTo("pages");
        assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(registration.getClientSettings().isRequireProofKey()).as("PKCE").isTrue();
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(TestIssuer.shared().uri() + "/token");
    }

    @Test
    void theIdTokensRolesBecomeTheSignedInPersonsAuthorities() {
        OidcIdToken idToken = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "north.manager", "roles", List.of("centre-staff", "not-a-role"), "centres", List.of("C-NORTH")));

        var authorities = PagesSignIn.rolesFromIdToken().mapAuthorities(List.of(new OidcUserAuthority(idToken)));

        assertThat(authorities).map(GrantedAuthority::getAuthority).containsExactly("ROLE_CENTRE_STAFF");
        assertThat(PagesSignIn.rolesFromIdToken().mapAuthorities(List.of(new SimpleGrantedAuthority("OIDC_USER")))).isEmpty();
    }
}
