package io.qualtrack.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An OpenID Connect issuer for tests, in this JVM: serves its discovery document and signing keys over HTTP, so a
 * service configured with {@code spring.security.oauth2.resourceserver.jwt.issuer-uri=<issuer.uri()>} validates its
 * tokens exactly as it would a real provider's, and mints tokens for any caller, valid or deliberately not. Pages
 * sign in through it too (authorization code with PKCE, RP-initiated sign-out): as the caller of
 * {@link #signInAs(TestCaller)}, with no login form ({@link TestSignIn}).
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "qualtrack";

    private static TestIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final String uri;
    private final TestSignIn signIn;

    /** One issuer per JVM, started on first use. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    public TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("cannot start the test issuer", e);
        }
        uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
        signIn = new TestSignIn(this::token,
                (caller, clientId, extra) -> sign(uri, clientId, caller.subject(), withExtra(caller.claims(), extra),
                        Instant.now().plus(Duration.ofHours(1)), key));
        server.createContext("/issuer/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer":"%1$s","jwks_uri":"%1$s/jwks","authorization_endpoint":"%1$s/authorize",
                 "token_endpoint":"%1$s/token","end_session_endpoint":"%1$s/end-session","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],
                 "scopes_supported":["openid","profile"],"code_challenge_methods_supported":["S256"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}"""
                .formatted(uri)));
        server.createContext("/issuer/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/issuer/authorize", signIn::authorize);
        server.createContext("/issuer/token", signIn::token);
        server.createContext("/issuer/end-session", signIn::endSession);
        server.start();
    }

    public String uri() {
        return uri;
    }

    /**
     * Who the next sign-in through {@code /authorize} is: the issuer asks no one and signs them in at once. A
     * {@code login_hint} naming the subject of an earlier {@code signInAs} caller signs that one in instead.
     */
    public void signInAs(TestCaller caller) {
        signIn.signInAs(caller);
    }

    /** A token a service accepts for this caller. */
    public String token(TestCaller caller) {
        return token(caller.subject(), caller.claims());
    }

    /** A token a service accepts: this issuer, the qualtrack audience, valid for an hour. */
    public String token(String subject, Map<String, Object> claims) {
        return sign(uri, AUDIENCE, subject, claims, Instant.now().plus(Duration.ofHours(1)), key);
    }

    public String expiredToken(String subject, Map<String, Object> claims) {
        return sign(uri, AUDIENCE, subject, claims, Instant.now().minus(Duration.ofHours(1)), key);
    }

    /** Right in every way but another audience: meant for some other service. */
    public String tokenForAnotherAudience(String subject, Map<String, Object> claims) {
        return sign(uri, "someone-else", subject, claims, Instant.now().plus(Duration.ofHours(1)), key);
    }

    /** Signed with this issuer's key but naming another issuer. */
    public String tokenOfAnotherIssuer(String subject, Map<String, Object> claims) {
        return sign("http://issuer.invalid/elsewhere", AUDIENCE, subject, claims, Instant.now().plus(Duration.ofHours(1)), key);
    }

    /** A valid token whose claims were changed after signing (the signature no longer matches). */
    public String tamperedToken(String subject, Map<String, Object> claims) {
        String[] parts = token(subject, claims).split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + subject + "\",\"iss\":\"" + uri + "\",\"aud\":\"" + AUDIENCE
                        + "\",\"roles\":[\"operations\"],\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static String sign(String issuer, String audience, String subject, Map<String, Object> claims, Instant expires, RSAKey key) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(List.of(audience)).subject(subject)
                .issueTime(Date.from(expires.isBefore(Instant.now()) ? expires.minus(Duration.ofHours(1)) : Instant.now()))
                .expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static Map<String, Object> withExtra(Map<String, Object> claims, Map<String, Object> extra) {
        Map<String, Object> all = new HashMap<>(claims);
        all.putAll(extra);
        return all;
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        TestSignIn.reply(exchange, 200, "application/json", body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
