package io.qualtrack.ratelimit;

import io.qualtrack.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Counts failed authentications per remote address, ahead of Spring Security: a request that presents credentials
 * (an {@code Authorization} header) and is answered {@code 401} is one failure. While an address has spent its
 * allowance, its requests that present credentials are answered {@code 429} with {@code Retry-After} before the token
 * is parsed or its signature checked, valid tokens included (or the limit would not slow a guesser). Requests without
 * credentials cost a service no more than a refusal would, and are left to the security chain (a browser's session
 * stays usable from an address that a broken system behind the same proxy has shut out). The health probes are never
 * limited. See {@link FailedAuthenticationLimitSettings} for what the address is behind a proxy.
 */
public class FailedAuthenticationLimit extends OncePerRequestFilter {

    private final RateLimiter failures;

    public FailedAuthenticationLimit(RateLimiter failures) {
        this.failures = failures;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !StringUtils.hasText(request.getHeader(HttpHeaders.AUTHORIZATION))
                || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Duration wait = failures.refusedFor(address);
        if (wait.isPositive()) {
            long seconds = Waits.retryAfterSeconds(wait);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "Too many failed authentications "
                    + "from this address (" + failures.allowance().describe() + "). " + Waits.tryAgainIn(seconds));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failures.take(address);
        }
    }
}
