package io.qualtrack.ratelimit;

import io.qualtrack.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.Set;

/**
 * Counts each caller's writes against its allowance, keyed by the token's subject (a system's client id, a person's
 * user id), before the body is read: a refused request costs the service next to nothing. Requests without a caller
 * are the security chain's to answer (401), not counted here.
 */
class WriteRateLimitInterceptor implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST.name(), HttpMethod.PUT.name(), HttpMethod.PATCH.name(),
            HttpMethod.DELETE.name());

    private final WriteRateLimiter limiter;

    WriteRateLimitInterceptor(WriteRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!WRITES.contains(request.getMethod()) || authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return true;
        }
        Duration wait = limiter.take(Callers.of(authentication).subject());
        if (wait.isPositive()) {
            throw new TooManyWritesException(wait, limiter.settings());
        }
        return true;
    }
}
