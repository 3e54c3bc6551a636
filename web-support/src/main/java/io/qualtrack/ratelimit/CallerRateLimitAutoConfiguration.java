package io.qualtrack.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.Set;

/** Each caller's requests counted against the limits the service turns on ({@code qualtrack.rate-limit.*.enabled}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.security.core.Authentication")
public class CallerRateLimitAutoConfiguration {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST.name(), HttpMethod.PUT.name(), HttpMethod.PATCH.name(),
            HttpMethod.DELETE.name());
    private static final Set<String> READS = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name());

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("qualtrack.rate-limit.writes.enabled")
    @EnableConfigurationProperties(WriteRateLimitSettings.class)
    static class Writes {

        @Bean
        WebMvcConfigurer writeRateLimit(WriteRateLimitSettings settings, ObjectProvider<Clock> clock) {
            var writes = new CallerRateLimitInterceptor(new RateLimiter(settings.allowance(), clockOf(clock)), WRITES, "writes");
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(writes).addPathPatterns(settings.paths());
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("qualtrack.rate-limit.reads.enabled")
    @EnableConfigurationProperties(ReadRateLimitSettings.class)
    static class Reads {

        @Bean
        WebMvcConfigurer readRateLimit(ReadRateLimitSettings settings, ObjectProvider<Clock> clock) {
            var exports = new CallerRateLimitInterceptor(new RateLimiter(settings.exports().allowance(), clockOf(clock)), READS,
                    "CSV exports");
            var reads = new CallerRateLimitInterceptor(new RateLimiter(settings.allowance(), clockOf(clock)), READS, "reads");
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    // exports first: an export refused takes nothing from the caller's reads
                    registry.addInterceptor(exports).addPathPatterns(settings.exports().paths());
                    registry.addInterceptor(reads).addPathPatterns(settings.paths());
                }
            };
        }
    }

    static Clock clockOf(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }
}
