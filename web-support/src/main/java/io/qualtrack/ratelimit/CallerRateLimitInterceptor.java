package io.qualtrack.ratelimit;

import io.qualtrack.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.Set;

/**
 * Counts each caller's requests of some methods against its allowance, keyed by the token's subject (a system's client
 * id, a person's user id, whether from a bearer token or a signed-in session), before the handler runs or a body is
 * read: a refused request costs the service next to nothing. Requests without a caller are the security chain's to
 * answer (401 or a redirect to sign in), not counted here.
 */
class CallerRateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;
    private final Set<String> methods;
    private final String requests;

    /**
     * @param methods  the HTTP methods counted
     * @param requests what they are, in the refusal's words ("writes", "CSV exports")
     */
    CallerRateLimitInterceptor(RateLimiter limiter, Set<String> methods, String requests) {
        this.limiter = limiter;
        this.methods = Set.copyOf(methods);
        this.requests = requests;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!methods.contains(request.getMethod()) || authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return true;
        }
        Duration wait = limiter.take(Callers.of(authentication).subject());
        if (wait.isPositive()) {
            throw new TooManyRequestsException(wait, requests, limiter.allowance());
        }
        return true;
    }
}
