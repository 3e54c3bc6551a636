package io.qualtrack.identity;

import com.nimbusds.jose.jwk.JWKSet;
import io.qualtrack.security.SecurityHeaders;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.JOSEException;
import io.qualtrack.identity.signin.SignInPage;
import io.qualtrack.identity.throttle.ClientThrottleFilter;
import io.qualtrack.identity.throttle.SignInFormThrottleFilter;
import io.qualtrack.identity.throttle.SignInThrottle;
import io.qualtrack.identity.tokens.OwnTokensIntrospection;
import io.qualtrack.identity.tokens.TokenPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The protocol endpoints (authorize, token, introspection, revocation, JWKS, discovery, userinfo); people are sent
     * to the sign-in page. A client whose authentications keep failing is refused for a while; introspection answers
     * only a token's own client and the resource servers.
     */
    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http, SignInThrottle throttle, TokenPolicy tokens, DemoDirectory directory)
            throws Exception {
        http.headers(SecurityHeaders.forPages(applicationAddresses(directory)))
                .oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                    server.tokenIntrospectionEndpoint(introspection -> introspection
                            .authenticationProviders(OwnTokensIntrospection.forResourceServers(resourceServers(tokens, directory))));
                })
                // the authorization server's client authentication comes right after this filter: the throttle goes first
                .addFilterBefore(new ClientThrottleFilter(throttle), AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SignInPage.PATH), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    private static Set<String> resourceServers(TokenPolicy tokens, DemoDirectory directory) {
        for (String clientId : tokens.resourceServers()) {
            if (directory.client(clientId).isEmpty()) {
                throw new IllegalStateException("qualtrack.identity.tokens.resource-servers names '" + clientId
                        + "', which is not a client in qualtrack.identity.clients");
            }
        }
        return Set.copyOf(tokens.resourceServers());
    }

    /** People sign in with the form; after failures for a username or from an address, they wait before trying again. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, SignInThrottle throttle, DemoDirectory directory) throws Exception {
        return http
                .headers(SecurityHeaders.forPages(applicationAddresses(directory)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health", "/actuator/health/**", SignInPage.STYLESHEET).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SignInPage.PATH).permitAll())
                .addFilterBefore(new SignInFormThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .build();
    }

    /** Where signing in or out here sends people on to: the web applications' redirect addresses. */
    private static String[] applicationAddresses(DemoDirectory directory) {
        return directory.clients().stream()
                .flatMap(client -> Stream.concat(client.redirectUris().stream(), client.postLogoutRedirectUris().stream()))
                .toArray(String[]::new);
    }

    @Bean
    UserDetailsService people(DemoDirectory directory) {
        return new InMemoryUserDetailsManager(directory.people().stream()
                .map(person -> User.withUsername(person.username()).password("{noop}" + person.password())
                        .roles(person.roles().stream().map(role -> role.toUpperCase().replace('-', '_')).toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients(DemoDirectory directory, TokenPolicy tokens) {
        return new InMemoryRegisteredClientRepository(directory.clients().stream().map(client -> registered(client, tokens)).toList());
    }

    private static RegisteredClient registered(DemoDirectory.Client client, TokenPolicy tokens) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret("{noop}" + client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokens.accessTokenLifetime()).build());
        if (client.signsPeopleIn()) {
            builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build());
            client.redirectUris().forEach(builder::redirectUri);
            client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
        } else {
            builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        }
        return builder.build();
    }

    /** A new signing key at every start: tokens do not outlive the local stack's identity server. */
    @Bean
    JWKSource<SecurityContext> signingKeys() throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(DemoDirectory directory) {
        return new TokenClaims(directory);
    }
}
