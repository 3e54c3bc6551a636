package io.qualtrack.report.security;

import io.qualtrack.security.ApiSecurity;
import io.qualtrack.security.Role;
import io.qualtrack.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two ways in. The JSON API and the actuator take bearer tokens, as every service's do. The pages sign people in with
 * OpenID Connect and keep them signed in with a session (so CSRF protection is on), under a Content-Security-Policy
 * that lets them load scripts and styles from this service only. Which centres and learners a
 * caller sees is decided from the token's claims by the controllers ({@code Tenancy}), never from the address alone.
 */
@Configuration(proxyBeanMethods = false)
class ReportSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**");
        return ApiSecurity.chain(http, rules -> rules
                .requestMatchers("/api/centres", "/api/centres/**").hasAnyRole(Role.CENTRE_STAFF.name(), Role.OPERATIONS.name())
                .requestMatchers("/api/learners/*/dashboard")
                .hasAnyRole(Role.LEARNER.name(), Role.CENTRE_STAFF.name(), Role.OPERATIONS.name()));
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, SignInProperties signIn) throws Exception {
        // the scripts' polling gets a plain 401 (it cannot follow a redirect to the identity provider)
        var polling = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/centres/*/cohorts/*/version"),
                PathPatternRequestMatcher.withDefaults().matcher("/learners/*/version"));
        var signOutThere = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOutThere.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        return http
                // signing out is a form whose answer redirects to the identity provider
                .headers(SecurityHeaders.forPages(signIn.issuerUri()))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/assets/**", "/favicon.ico", "/signed-out", "/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), polling))
                // one provider: a page that needs sign-in goes straight to it, no page of ours to choose one
                .oauth2Login(login -> login
                        .loginPage(PagesSignIn.SIGN_IN)
                        .failureHandler(PagesSignIn.failed())
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(PagesSignIn.rolesFromIdToken())))
                .logout(logout -> logout.logoutSuccessHandler(signOutThere))
                .build();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(SignInProperties signIn) {
        return PagesSignIn.registrations(signIn);
    }
}
