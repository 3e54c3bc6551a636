package io.qualtrack.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The {@link Caller} behind an authentication: a bearer token (APIs) or a signed-in user's ID token (pages). */
public final class Callers {

    private Callers() {
    }

    public static Caller of(Authentication authentication) {
        Object principal = authentication.getPrincipal();
        if (principal instanceof Jwt jwt) {
            return CallerClaims.from(jwt.getSubject(), jwt.getClaims());
        }
        if (principal instanceof OidcUser user) {
            return CallerClaims.from(user.getSubject(), user.getClaims());
        }
        throw new IllegalStateException("no token behind " + authentication.getClass().getSimpleName());
    }

    /** The authorities a token's claims grant: one {@code ROLE_<ROLE>} per role. */
    public static Collection<GrantedAuthority> authorities(String subject, Map<String, Object> claims) {
        List<GrantedAuthority> authorities = CallerClaims.from(subject, claims).roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
        return authorities;
    }
}
