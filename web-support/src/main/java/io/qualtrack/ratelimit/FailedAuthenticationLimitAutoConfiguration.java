package io.qualtrack.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Every service that takes bearer tokens limits failed authentications per remote address
 * ({@code qualtrack.rate-limit.failed-authentications.*}, on unless a service turns it off).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter")
@ConditionalOnBooleanProperty(name = "qualtrack.rate-limit.failed-authentications.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FailedAuthenticationLimitSettings.class)
public class FailedAuthenticationLimitAutoConfiguration {

    @Bean
    FilterRegistrationBean<FailedAuthenticationLimit> failedAuthenticationLimit(FailedAuthenticationLimitSettings settings,
                                                                                ObjectProvider<Clock> clock) {
        var registration = new FilterRegistrationBean<>(new FailedAuthenticationLimit(
                new RateLimiter(settings.allowance(), CallerRateLimitAutoConfiguration.clockOf(clock))));
        // just ahead of Spring Security, which reads the token; after the forwarded-headers filter, which sets the address
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
