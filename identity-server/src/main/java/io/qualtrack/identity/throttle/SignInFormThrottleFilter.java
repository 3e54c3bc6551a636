package io.qualtrack.identity.throttle;

import io.qualtrack.ratelimit.Waits;
import io.qualtrack.identity.signin.SignInPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * At the sign-in form: while the username or the caller's address is backing off, the attempt is refused before the
 * password is checked, with {@code 429}, {@code Retry-After} and the sign-in page saying why and for how long.
 */
public final class SignInFormThrottleFilter extends OncePerRequestFilter {

    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SignInPage.PATH);

    private final SignInThrottle throttle;

    public SignInFormThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = SIGN_IN.matches(request) ? request.getParameter(SignInPage.USERNAME) : null;
        Duration wait = username == null ? Duration.ZERO : throttle.refusedFor(Attempt.person(username, request.getRemoteAddr()));
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Waits.retryAfterSeconds(wait);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        SignInPage.write(request, response, "Too many failed sign-ins for this username or from this address. "
                + "Try again in " + seconds + " seconds.", username);
    }
}
