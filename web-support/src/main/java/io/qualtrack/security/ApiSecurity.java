package io.qualtrack.security;

import io.qualtrack.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules every service's API shares: health probes open to all; the Prometheus endpoint (read only) for operations
 * and metrics readers, the rest of the actuator for operations only; to a token whose only role is
 * {@link Role#METRICS_READER}, nothing else, whatever the service's own rules allow; everything else needs a valid
 * bearer token (issuer, audience and expiry checked by the resource server's
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings); answers to refused requests are problem details;
 * every answer carries the {@link SecurityHeaders#forApis() API headers}.
 * Each service adds its own rules between those.
 */
public final class ApiSecurity {

    private static final Set<String> ROLE_AUTHORITIES = Arrays.stream(Role.values()).map(Role::authority).collect(Collectors.toSet());

    private ApiSecurity() {
    }

    public static SecurityFilterChain chain(HttpSecurity http,
                                            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> serviceRules)
            throws Exception {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .headers(SecurityHeaders.forApis())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll();
                    rules.requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                            .hasAnyRole(Role.OPERATIONS.name(), Role.METRICS_READER.name());
                    rules.requestMatchers("/actuator/**").hasRole(Role.OPERATIONS.name());
                    // before the service's rules, so that none of them ("anyone signed in reads the catalogue") lets
                    // a scraper's credentials in
                    rules.requestMatchers(ApiSecurity::readsMetricsOnly).denyAll();
                    serviceRules.customize(rules);
                    rules.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> {
                            challenge.commence(request, response, e);
                            Problems.write(response, HttpStatus.UNAUTHORIZED, HttpStatus.UNAUTHORIZED.getReasonPhrase(),
                                    "a valid bearer token is needed: " + e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            denied.handle(request, response, e);
                            Problems.write(response, HttpStatus.FORBIDDEN, HttpStatus.FORBIDDEN.getReasonPhrase(),
                                    "the token's roles do not allow this");
                        }))
                .build();
    }

    /** Whether the request comes with a token whose only role of ours is {@link Role#METRICS_READER}. */
    private static boolean readsMetricsOnly(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(ROLE_AUTHORITIES::contains).collect(Collectors.toSet());
        return roles.equals(Set.of(Role.METRICS_READER.authority()));
    }

    public static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Callers.authorities(jwt.getSubject(), jwt.getClaims()));
        return converter;
    }
}
