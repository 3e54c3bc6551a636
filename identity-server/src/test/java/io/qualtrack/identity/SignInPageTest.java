package io.qualtrack.identity;

import io.qualtrack.identity.signin.SignInPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page and the token endpoint as a browser and a centre's system meet them, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=identity-server")
class SignInPageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    void theSignInPageLoadsNothingButItsOwnStylesheetAndItsFormLeadsOnlyBackToTheApplications() throws Exception {
        HttpResponse<String> page = send(to("/login").GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"" + SignInPage.STYLESHEET + "\"").doesNotContain("<script", "<style", "style=");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .contains("form-action 'self' http://localhost:8083"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("camera=()", "microphone=()", "geolocation=()"));
    }

    @Test
    void theSessionCookieGoesOnlyWithThisSitesOwnRequestsAndPlainLinksToIt() throws Exception {
        assertThat(send(to("/login").GET()).headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax")
                .as("Secure only over https (Tomcat adds it there), so http://localhost keeps working").doesNotContain("Secure"));
    }

    @Test
    void aTokenRequestOverTheSizeLimitIsRefusedWith413ProblemDetails() throws Exception {
        String form = "grant_type=client_credentials&pad=" + "x".repeat(1024 * 1024);
        String basic = "Basic " + Base64.getEncoder().encodeToString("north-mis:demo-north-mis-secret".getBytes(StandardCharsets.UTF_8));
        for (HttpRequest.BodyPublisher body : new HttpRequest.BodyPublisher[]{HttpRequest.BodyPublishers.ofString(form),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)))}) {
            HttpResponse<String> answer = send(to("/oauth2/token").header("Authorization", basic)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(body));

            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("Request body too large");
        }
    }
}
