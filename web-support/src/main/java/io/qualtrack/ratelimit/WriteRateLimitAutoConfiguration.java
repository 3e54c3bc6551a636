package io.qualtrack.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** A service that sets {@code qualtrack.rate-limit.writes.enabled} limits each caller's writes to its API. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.security.core.Authentication")
@ConditionalOnBooleanProperty("qualtrack.rate-limit.writes.enabled")
@EnableConfigurationProperties(WriteRateLimitSettings.class)
public class WriteRateLimitAutoConfiguration {

    @Bean
    WriteRateLimiter writeRateLimiter(WriteRateLimitSettings settings, ObjectProvider<Clock> clock) {
        return new WriteRateLimiter(settings, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    WebMvcConfigurer writeRateLimitInterceptor(WriteRateLimiter limiter) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new WriteRateLimitInterceptor(limiter)).addPathPatterns(limiter.settings().paths());
            }
        };
    }
}
