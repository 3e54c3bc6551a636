package io.qualtrack.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader's token: discovered token endpoint, client credentials in Basic authentication, fetched again before expiry. */
class ClientCredentialsTest {

    private HttpServer issuer;
    private String issuerUrl;
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();
    private volatile long expiresIn = 300;

    @BeforeEach
    void startIssuer() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuerUrl = "http://127.0.0.1:" + issuer.getAddress().getPort();
        issuer.createContext("/.well-known/openid-configuration", exchange ->
                answer(exchange, 200, "{\"token_endpoint\":\"" + issuerUrl + "/oauth2/token\"}"));
        issuer.createContext("/oauth2/token", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokenRequests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            String expected = "Basic " + Base64.getEncoder().encodeToString("demo-loader:s3cret%2B".getBytes(StandardCharsets.UTF_8));
            boolean right = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, right ? 200 : 401, right
                    ? "{\"access_token\":\"token-" + tokenRequests.size() + "\",\"expires_in\":" + expiresIn + "}"
                    : "{\"error\":\"invalid_client\"}");
        });
        issuer.createContext("/api", exchange -> {
            apiAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, "[]");
        });
        issuer.start();
    }

    @AfterEach
    void stopIssuer() {
        issuer.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private HttpJson signedIn(String secret) {
        HttpJson anonymous = new HttpJson();
        ClientCredentials token = new ClientCredentials(anonymous, new DemoLoaderSettings.Client(issuerUrl, "demo-loader", secret));
        return anonymous.authorizedBy(token::authorization);
    }

    @Test
    void sendsTheClientsTokenOnEveryCallAndAsksForItOnceWhileItIsValid() throws InterruptedException {
        HttpJson http = signedIn("s3cret+");

        assertThat(http.get(issuerUrl + "/api/units").is(200)).isTrue();
        assertThat(http.post(issuerUrl + "/api/activities", Map.of()).is(200)).isTrue();

        assertThat(apiAuthorizations).containsExactly("Bearer token-1", "Bearer token-1");
        assertThat(tokenRequests).singleElement().asString().endsWith("grant_type=client_credentials");
    }

    @Test
    void asksForANewTokenShortlyBeforeTheOldOneExpires() throws InterruptedException {
        expiresIn = 10;
        HttpJson http = signedIn("s3cret+");

        http.get(issuerUrl + "/api/units");
        http.get(issuerUrl + "/api/units");

        assertThat(apiAuthorizations).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void aRefusedClientStopsTheLoadWithTheIssuersAnswer() {
        HttpJson http = signedIn("wrong");

        assertThatThrownBy(() -> http.get(issuerUrl + "/api/units")).isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("no token for client demo-loader").hasMessageContaining("invalid_client");
        assertThat(apiAuthorizations).isEmpty();
    }
}
