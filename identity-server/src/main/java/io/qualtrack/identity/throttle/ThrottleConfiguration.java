package io.qualtrack.identity.throttle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import java.time.Clock;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInThrottleSettings.class)
class ThrottleConfiguration {

    @Bean
    SignInThrottle signInThrottle(SignInThrottleSettings settings, Clock clock) {
        return new SignInThrottle(settings, clock);
    }

    /** Spring Security's events, and one for a client's failed authentication, which it would not publish. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(OAuth2AuthenticationException.class, OAuth2AuthenticationFailureEvent.class));
        return publisher;
    }
}
