package io.qualtrack.identity;

import com.nimbusds.jose.jwk.JWKSet;
import io.qualtrack.security.SecurityHeaders;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.JOSEException;
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
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The protocol endpoints (authorize, token, JWKS, discovery, userinfo); people are sent to the login page. */
    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http, DemoDirectory directory) throws Exception {
        http.headers(SecurityHeaders.forPages(applicationAddresses(directory)))
                .oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, DemoDirectory directory) throws Exception {
        return http
                .headers(SecurityHeaders.forPages(applicationAddresses(directory)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
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
    RegisteredClientRepository clients(DemoDirectory directory) {
        return new InMemoryRegisteredClientRepository(directory.clients().stream().map(SecurityConfiguration::registered).toList());
    }

    private static RegisteredClient registered(DemoDirectory.Client client) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret("{noop}" + client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30)).build());
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
