package io.qualtrack.identity.tokens;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Token introspection (RFC 7662) describes a token only to the client it was issued to and to the resource servers.
 * Any other client hears {@code {"active": false}}, exactly as for a token that does not exist, so it learns nothing
 * about another client's token (RFC 7662, section 2.2, allows this answer for tokens the caller may not see).
 */
public final class OwnTokensIntrospection implements AuthenticationProvider {

    private final AuthenticationProvider introspection;
    private final Set<String> resourceServers;

    private OwnTokensIntrospection(AuthenticationProvider introspection, Set<String> resourceServers) {
        this.introspection = introspection;
        this.resourceServers = Set.copyOf(resourceServers);
    }

    /** For the introspection endpoint's {@code authenticationProviders}: wraps the authorization server's own provider. */
    public static Consumer<List<AuthenticationProvider>> forResourceServers(Set<String> resourceServers) {
        return providers -> providers.replaceAll(provider -> provider instanceof OAuth2TokenIntrospectionAuthenticationProvider
                ? new OwnTokensIntrospection(provider, resourceServers) : provider);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication described = introspection.authenticate(authentication);
        if (!(described instanceof OAuth2TokenIntrospectionAuthenticationToken result) || !result.getTokenClaims().isActive()
                || mayRead(result.getPrincipal(), result.getTokenClaims())) {
            return described;
        }
        return new OAuth2TokenIntrospectionAuthenticationToken(result.getToken(), (Authentication) result.getPrincipal(),
                OAuth2TokenIntrospection.builder().build());
    }

    private boolean mayRead(Object caller, OAuth2TokenIntrospection token) {
        if (!(caller instanceof OAuth2ClientAuthenticationToken client) || client.getRegisteredClient() == null) {
            return false;
        }
        String clientId = client.getRegisteredClient().getClientId();
        return clientId.equals(token.getClientId()) || resourceServers.contains(clientId);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return introspection.supports(authentication);
    }
}
