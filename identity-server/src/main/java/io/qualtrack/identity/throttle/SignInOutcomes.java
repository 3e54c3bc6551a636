package io.qualtrack.identity.throttle;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Tells the throttle what became of each sign-in, from Spring Security's authentication events: a client's wrong
 * secret (or unknown client id) and a person's wrong password (or unknown username) count as failures; their
 * successes reset them. Token requests themselves, and every other authentication, are left alone.
 */
@Component
class SignInOutcomes {

    private final SignInThrottle throttle;

    SignInOutcomes(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication instanceof OAuth2ClientAuthenticationToken
                && event.getException() instanceof OAuth2AuthenticationException oauth
                && OAuth2ErrorCodes.INVALID_CLIENT.equals(oauth.getError().getErrorCode())) {
            throttle.failed(Attempt.client(authentication.getPrincipal().toString(), address(authentication)));
        } else if (authentication instanceof UsernamePasswordAuthenticationToken
                && event instanceof AuthenticationFailureBadCredentialsEvent) {
            throttle.failed(Attempt.person(authentication.getName(), address(authentication)));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication instanceof OAuth2ClientAuthenticationToken) {
            throttle.succeeded(Attempt.client(authentication.getPrincipal().toString(), address(authentication)));
        } else if (authentication instanceof UsernamePasswordAuthenticationToken) {
            throttle.succeeded(Attempt.person(authentication.getName(), address(authentication)));
        }
    }

    private static @Nullable String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
