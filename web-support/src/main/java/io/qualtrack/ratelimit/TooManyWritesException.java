package io.qualtrack.ratelimit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;

/**
 * A caller sent more writes than its allowance: answered {@code 429} with problem details and {@code Retry-After}, by
 * every service's problem details advice (Spring MVC renders an {@link ErrorResponseException} with its headers).
 */
public class TooManyWritesException extends ErrorResponseException {

    public TooManyWritesException(Duration wait, WriteRateLimitSettings settings) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(Waits.retryAfterSeconds(wait), settings), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Waits.retryAfterSeconds(wait)));
    }

    private static ProblemDetail problem(long seconds, WriteRateLimitSettings settings) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "This client has sent more "
                + "writes than it may (" + settings.describe() + "). Try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
        problem.setTitle("Too many requests");
        return problem;
    }
}
