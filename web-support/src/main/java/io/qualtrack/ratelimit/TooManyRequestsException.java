package io.qualtrack.ratelimit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;

/**
 * A caller sent more requests of a kind (writes, reads, CSV exports) than its allowance: answered {@code 429} with
 * problem details and {@code Retry-After}, by every service's problem details advice (Spring MVC renders an
 * {@link ErrorResponseException} with its headers).
 */
public class TooManyRequestsException extends ErrorResponseException {

    public TooManyRequestsException(Duration wait, String requests, RequestAllowance allowance) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(Waits.retryAfterSeconds(wait), requests, allowance), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Waits.retryAfterSeconds(wait)));
    }

    private static ProblemDetail problem(long seconds, String requests, RequestAllowance allowance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "This client has sent more "
                + requests + " than it may (" + allowance.describe() + "). " + Waits.tryAgainIn(seconds));
        problem.setTitle("Too many requests");
        return problem;
    }
}
