package io.qualtrack.localstack;

import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An access token for the demo loader itself (OAuth 2.0 client credentials), from the issuer the services trust: its
 * token endpoint found through OpenID Connect discovery, the token fetched again shortly before it expires.
 */
public final class ClientCredentials {

    /** Fetch a new token this long before the current one expires, so no request goes out with a stale one. */
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final HttpJson http;
    private final DemoLoaderSettings.Client client;
    private String tokenEndpoint;
    private String token;
    private Instant expires = Instant.MIN;

    public ClientCredentials(HttpJson http, DemoLoaderSettings.Client client) {
        this.http = http;
        this.client = client;
    }

    /** The {@code Authorization} header value for the next request. */
    public synchronized String authorization() throws InterruptedException {
        if (token == null || Instant.now().isAfter(expires.minus(EARLY))) {
            fetch();
        }
        return "Bearer " + token;
    }

    private void fetch() throws InterruptedException {
        if (tokenEndpoint == null) {
            String discovery = client.issuerUrl() + "/.well-known/openid-configuration";
            HttpJson.Answer answer = http.get(discovery);
            if (!answer.is(200)) {
                throw new DemoLoadException("the identity server did not describe itself at " + discovery + ": " + answer.describe());
            }
            tokenEndpoint = http.parse(answer).path("token_endpoint").asString();
        }
        String basic = Base64.getEncoder().encodeToString((encoded(client.id()) + ":" + encoded(client.secret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpJson.Answer answer = http.postForm(tokenEndpoint, "grant_type=client_credentials", "Basic " + basic);
        if (!answer.is(200)) {
            throw new DemoLoadException("no token for client " + client.id() + " from " + tokenEndpoint + ": " + answer.describe());
        }
        JsonNode body = http.parse(answer);
        token = body.path("access_token").asString();
        expires = Instant.now().plusSeconds(body.path("expires_in").asLong(60));
    }

    /** Client id and secret are form-encoded before Basic authentication (RFC 6749, section 2.3.1). */
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
