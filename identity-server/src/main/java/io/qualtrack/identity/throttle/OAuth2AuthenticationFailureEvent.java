package io.qualtrack.identity.throttle;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * An authentication at a protocol endpoint failed with an OAuth 2.0 error (a client's wrong secret is
 * {@code invalid_client}). Spring Security publishes no event for these unless told which one to publish.
 */
public class OAuth2AuthenticationFailureEvent extends AbstractAuthenticationFailureEvent {

    public OAuth2AuthenticationFailureEvent(Authentication authentication, AuthenticationException exception) {
        super(authentication, exception);
    }
}
