package io.qualtrack.testsupport;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The pages over plain HTTP as one browser would see them: a cookie jar for the session, redirects followed only when
 * asked (so a test sees them), and signing in through the {@link TestIssuer}'s authorization-code flow.
 */
public final class PageSession {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private PageSession(String base) {
        this.base = base;
    }

    public static PageSession anonymous(String base) {
        return new PageSession(base);
    }

    /** Signed in as {@code caller}: the sign-in link, the issuer and the way back, redirect by redirect. */
    public static PageSession signedIn(String base, TestCaller caller) {
        PageSession session = new PageSession(base);
        TestIssuer.shared().signInAs(caller);
        HttpResponse<String> landing = session.follow("/oauth2/authorization/qualtrack");
        if (landing.statusCode() != 200 || landing.uri().getPath().equals("/signed-out")) {
            throw new AssertionError("signing in as " + caller.subject() + " ended on " + landing.uri() + " (" + landing.statusCode() + ")");
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return get(path, "text/html");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Accept", accept).build());
    }

    public HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** GET, then every redirect after it, as a browser would; the last answer. */
    public HttpResponse<String> follow(String path) {
        HttpResponse<String> answer = get(path);
        for (int hops = 0; hops < 10 && answer.statusCode() / 100 == 3; hops++) {
            URI next = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
            answer = get(next.toString());
        }
        return answer;
    }

    private URI resolve(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
