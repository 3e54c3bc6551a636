package io.qualtrack.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SpringBootTest(properties = {"spring.config.name=identity-server",
        // a stand-in for a resource server that introspects (none of the services does)
        "qualtrack.identity.tokens.resource-servers=benchmark"})
@AutoConfigureMockMvc
class IdentityServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    private static String basic(String client, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode tokenResponse(String client, String secret) {
        var result = mvc.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, basic(client, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("grant_type=client_credentials").exchange();
        assertThat(result).hasStatusOk();
        return JSON.readTree(result.getResponse().getContentAsByteArray());
    }

    private String accessToken(String client, String secret) {
        return tokenResponse(client, secret).get("access_token").asString();
    }

    private JsonNode clientCredentialsToken(String client, String secret) {
        return claims(accessToken(client, secret));
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private MvcTestResult introspect(String client, String secret, String token) {
        return mvc.post().uri("/oauth2/introspect").header(HttpHeaders.AUTHORIZATION, basic(client, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("token=" + token).exchange();
    }

    @Test
    void aCentresSystemGetsATokenForItsCentreAndTheServicesAudience() {
        JsonNode claims = clientCredentialsToken("north-mis", "demo-north-mis-secret");
        assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:9000");
        assertThat(claims.get("aud").toString()).contains("qualtrack");
        assertThat(claims.get("roles").toString()).isEqualTo("[\"activity-submitter\"]");
        assertThat(claims.get("centres").toString()).isEqualTo("[\"C-NORTH\"]");
    }

    @Test
    void aWrongSecretGetsNoToken() {
        var result = mvc.post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString("north-mis:guess".getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("grant_type=client_credentials").exchange();
        assertThat(result).hasStatus(401);
    }

    @Test
    void accessTokensLiveFiveMinutes() {
        JsonNode response = tokenResponse("north-mis", "demo-north-mis-secret");
        JsonNode claims = claims(response.get("access_token").asString());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
        assertThat(response.get("expires_in").asLong()).isBetween(298L, 300L);
    }

    @Test
    void aClientIntrospectingAnotherClientsTokenLearnsOnlyThatItIsInactive() {
        String southsToken = accessToken("south-mis", "demo-south-mis-secret");

        assertThat(introspect("north-mis", "demo-north-mis-secret", southsToken)).hasStatusOk().bodyJson()
                .isStrictlyEqualTo("{\"active\":false}");
        assertThat(introspect("south-mis", "demo-south-mis-secret", southsToken)).as("its own client").hasStatusOk().bodyJson()
                .hasPathSatisfying("$.active", active -> active.assertThat().isEqualTo(true))
                .hasPathSatisfying("$.client_id", id -> id.assertThat().isEqualTo("south-mis"));
        assertThat(introspect("benchmark", "benchmark-secret", southsToken)).as("a resource server").hasStatusOk().bodyJson()
                .hasPathSatisfying("$.active", active -> active.assertThat().isEqualTo(true))
                .hasPathSatisfying("$.centres", centres -> centres.assertThat().asList().containsExactly("C-SOUTH"));
    }

    @Test
    void aRevokedTokenIsInactiveAtIntrospection() {
        String token = accessToken("north-mis", "demo-north-mis-secret");

        assertThat(mvc.post().uri("/oauth2/revoke").header(HttpHeaders.AUTHORIZATION, basic("north-mis", "demo-north-mis-secret"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("token=" + token)).hasStatusOk();

        assertThat(introspect("north-mis", "demo-north-mis-secret", token)).hasStatusOk().bodyJson()
                .isStrictlyEqualTo("{\"active\":false}");
    }

    @Test
    void theSignInPageAsksForUsernameAndPasswordWithItsCsrfToken() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML).bodyText()
                .contains("name=\"username\"").contains("name=\"password\"").contains("name=\"_csrf\"")
                .contains("<button type=\"submit\">").doesNotContain("role=\"alert\"");
        assertThat(mvc.get().uri("/login?error")).hasStatusOk().bodyText().contains("Wrong username or password.");
        assertThat(mvc.get().uri("/sign-in.css")).as("its stylesheet, before signing in").hasStatusOk();
    }

    @Test
    void signingInOnThePageCarriesOnWithTheAuthorizationRequest() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest("a-code-verifier-of-at-least-forty-three-characters".getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?response_type=code&client_id=qualtrack-pages&scope=openid&state=s1"
                + "&redirect_uri=http://localhost:8083/login/oauth2/code/qualtrack"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        assertThat(mvc.get().uri(authorize).session(session).accept(MediaType.TEXT_HTML))
                .hasStatus(302).hasRedirectedUrl("/login");

        MvcTestResult signedIn = mvc.post().uri("/login").session(session).with(csrf())
                .param("username", "north.manager").param("password", "demo-north").exchange();
        assertThat(signedIn).hasStatus(302);
        assertThat(signedIn.getResponse().getRedirectedUrl()).contains("/oauth2/authorize?");

        assertThat(mvc.get().uri(signedIn.getResponse().getRedirectedUrl()).session(session)).hasStatus(302)
                .redirectedUrl().startsWith("http://localhost:8083/login/oauth2/code/qualtrack?code=");
    }

    @Test
    void aWrongPasswordSendsThePersonBackToTheSignInPage() {
        assertThat(mvc.post().uri("/login").with(csrf()).param("username", "ops").param("password", "guess"))
                .hasStatus(302).hasRedirectedUrl("/login?error");
    }

    @Test
    void publishesItsOpenIdConfiguration() {
        assertThat(mvc.get().uri("/.well-known/openid-configuration")).hasStatusOk().bodyJson()
                .extractingPath("$.issuer").isEqualTo("http://localhost:9000");
    }
}
