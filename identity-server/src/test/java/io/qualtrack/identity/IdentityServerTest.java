package io.qualtrack.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "spring.config.name=identity-server")
@AutoConfigureMockMvc
class IdentityServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    private JsonNode clientCredentialsToken(String client, String secret) {
        var result = mvc.post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("grant_type=client_credentials").exchange();
        assertThat(result).hasStatusOk();
        String token = JSON.readTree(result.getResponse().getContentAsByteArray()).get("access_token").asString();
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
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
    void publishesItsOpenIdConfiguration() {
        assertThat(mvc.get().uri("/.well-known/openid-configuration")).hasStatusOk().bodyJson()
                .extractingPath("$.issuer").isEqualTo("http://localhost:9000");
    }
}
