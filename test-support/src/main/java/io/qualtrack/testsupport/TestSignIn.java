package io.qualtrack.testsupport;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@link TestIssuer}'s authorization-code flow, for pages that sign people in: {@code /authorize} asks no one and
 * sends the browser straight back with a code for the caller of {@link #signInAs} (or the one a {@code login_hint}
 * names); {@code /token} trades the code (once, for the client it was given to, with the PKCE verifier when a
 * challenge came) for an ID token carrying the nonce and an access token; {@code /end-session} signs out.
 */
final class TestSignIn {

    private record Grant(TestCaller caller, String clientId, String redirectUri, @Nullable String nonce,
                         @Nullable String codeChallenge) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, TestCaller> known = new ConcurrentHashMap<>();
    private final Function<TestCaller, String> accessToken;
    private final IdTokenSigner idToken;
    private volatile @Nullable TestCaller next;

    /** Signs an ID token for the caller, for this client ({@code aud}), with these extra claims (the nonce). */
    interface IdTokenSigner {
        String sign(TestCaller caller, String clientId, Map<String, Object> extraClaims);
    }

    TestSignIn(Function<TestCaller, String> accessToken, IdTokenSigner idToken) {
        this.accessToken = accessToken;
        this.idToken = idToken;
    }

    void signInAs(TestCaller caller) {
        known.put(caller.subject(), caller);
        next = caller;
    }

    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = form(exchange.getRequestURI().getRawQuery());
        String hint = request.get("login_hint");
        TestCaller caller = hint != null ? known.get(hint) : next;
        String redirectUri = request.get("redirect_uri");
        String clientId = request.get("client_id");
        if (caller == null || redirectUri == null || clientId == null || !"code".equals(request.get("response_type"))) {
            reply(exchange, 400, "text/plain", "no one to sign in (call TestIssuer.signInAs first), or not a code request: " + request);
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(caller, clientId, redirectUri, request.get("nonce"), request.get("code_challenge")));
        String state = request.get("state");
        redirect(exchange, redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
                + (state == null ? "" : "&state=" + encode(state)));
    }

    void token(HttpExchange exchange) throws IOException {
        Map<String, String> request = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String clientId = authenticatedClient(exchange, request);
        Grant grant = request.get("code") == null ? null : codes.remove(request.get("code"));
        if (clientId == null) {
            reply(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"authorization_code".equals(request.get("grant_type")) || grant == null || !grant.clientId().equals(clientId)
                || !grant.redirectUri().equals(request.get("redirect_uri")) || !proofMatches(grant, request.get("code_verifier"))) {
            reply(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        if (grant.nonce() != null) {
            extra.put("nonce", grant.nonce());
        }
        reply(exchange, 200, "application/json", """
                {"access_token":"%s","token_type":"Bearer","expires_in":3600,"scope":"openid profile","id_token":"%s"}"""
                .formatted(accessToken.apply(grant.caller()), idToken.sign(grant.caller(), clientId, extra)));
    }

    void endSession(HttpExchange exchange) throws IOException {
        Map<String, String> request = form(exchange.getRequestURI().getRawQuery());
        String back = request.get("post_logout_redirect_uri");
        if (back == null) {
            reply(exchange, 200, "text/html", "<!DOCTYPE html><title>Signed out</title><p>Signed out of the test issuer.</p>");
            return;
        }
        String state = request.get("state");
        redirect(exchange, back + (state == null ? "" : (back.contains("?") ? "&" : "?") + "state=" + encode(state)));
    }

    /** The client id, from HTTP Basic or the form, if it came with a secret (any secret will do here). */
    private static @Nullable String authenticatedClient(HttpExchange exchange, Map<String, String> request) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] idAndSecret = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            return idAndSecret.length == 2 && !idAndSecret[1].isEmpty() ? decode(idAndSecret[0]) : null;
        }
        String secret = request.get("client_secret");
        return secret == null || secret.isEmpty() ? null : request.get("client_id");
    }

    private static boolean proofMatches(Grant grant, @Nullable String verifier) {
        if (grant.codeChallenge() == null) {
            return true;
        }
        if (verifier == null) {
            return false;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).equals(grant.codeChallenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(@Nullable String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                values.put(decode(nameAndValue[0]), nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
            }
        }
        return values;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
