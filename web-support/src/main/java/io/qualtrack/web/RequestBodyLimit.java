package io.qualtrack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses a request body larger than the limit with 413 problem details: before reading it when its
 * {@code Content-Length} says so, and as soon as a body sent without one (chunked) grows past the limit while it is
 * read. So no body over the limit is ever read whole, whoever sends it and whatever reads it.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private static final boolean TOMCAT = ClassUtils.isPresent("org.apache.tomcat.util.http.InvalidParameterException",
            RequestBodyLimit.class.getClassLoader());

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, maxBytes);
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a reader that let the stream's exception through, where no controller advice answered it
            if (!bodyTooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(response, maxBytes);
        }
    }

    /** This filter's stream gave up, or Tomcat did: it reads form posts itself, up to the same limit. */
    private static boolean bodyTooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException || TOMCAT && TomcatForms.tooLarge(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer, whole (with its length) and sent at once: the server closes the connection rather than read the rest
     * of the body, and a client still sending it may stop reading at that moment.
     */
    static void refuse(HttpServletResponse response, long maxBytes) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than this service accepts (at most " + maxBytes + " bytes); nothing was stored.");
    }

    private static final class TomcatForms {

        static boolean tooLarge(Throwable failure) {
            return failure instanceof InvalidParameterException refused
                    && refused.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
        }
    }

    /** Stops reading with {@link RequestBodyTooLargeException} at the first byte past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream input;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (input == null) {
                input = new CountingInputStream(super.getInputStream(), maxBytes);
            }
            return input;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = Optional.ofNullable(getCharacterEncoding()).map(Charset::forName).orElse(StandardCharsets.ISO_8859_1);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;

        CountingInputStream(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new RequestBodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
