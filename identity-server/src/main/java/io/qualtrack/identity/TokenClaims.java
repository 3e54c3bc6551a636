package io.qualtrack.identity;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;

/**
 * Writes the claims the services read into every token: {@code roles}, {@code centres} and {@code learner_id}, of
 * the person signed in or, for client credentials, of the client itself; access tokens name the services' audience.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final DemoDirectory directory;

    TokenClaims(DemoDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (accessToken) {
            context.getClaims().audience(List.of(directory.audience()));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            directory.client(context.getRegisteredClient().getClientId()).ifPresent(client -> context.getClaims()
                    .claim("roles", client.roles())
                    .claim("centres", client.centres()));
            return;
        }
        directory.person(context.getPrincipal().getName()).ifPresent(person -> {
            context.getClaims()
                    .claim("roles", person.roles())
                    .claim("centres", person.centres())
                    .claim("name", person.name())
                    .claim("preferred_username", person.username());
            if (person.learnerId() != null) {
                context.getClaims().claim("learner_id", person.learnerId());
            }
        });
    }
}
