package io.qualtrack.identity.throttle;

import io.qualtrack.ratelimit.Waits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretPostAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.DelegatingAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * At the protocol endpoints (token, introspection, revocation): while the client id or the caller's address is
 * backing off, a request with client credentials is refused before its secret is checked, with {@code 429}, an
 * OAuth 2.0 error and {@code Retry-After}. The right secret is refused too, or the back-off would not slow a guesser.
 */
public final class ClientThrottleFilter extends OncePerRequestFilter {

    private static final AuthenticationConverter CLIENT_SECRETS = new DelegatingAuthenticationConverter(
            new ClientSecretBasicAuthenticationConverter(), new ClientSecretPostAuthenticationConverter());

    private final SignInThrottle throttle;
    private final HttpMessageConverter<OAuth2Error> errors = new OAuth2ErrorHttpMessageConverter();

    public ClientThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = clientId(request).map(id -> throttle.refusedFor(Attempt.client(id, request.getRemoteAddr())))
                .orElse(Duration.ZERO);
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Waits.retryAfterSeconds(wait);
        ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
        answer.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        answer.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        errors.write(new OAuth2Error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE, "Too many failed authentications for this "
                + "client or from this address: try again in " + seconds + " seconds.", null), null, answer);
    }

    private static Optional<String> clientId(HttpServletRequest request) {
        try {
            return Optional.ofNullable(CLIENT_SECRETS.convert(request)).map(Authentication::getPrincipal).map(Object::toString);
        } catch (OAuth2AuthenticationException malformed) {
            // the authorization server answers a malformed request as it always does
            return Optional.empty();
        }
    }
}
