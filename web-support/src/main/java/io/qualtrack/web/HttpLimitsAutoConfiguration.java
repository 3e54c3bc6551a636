package io.qualtrack.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Every service refuses request bodies over {@code qualtrack.http.max-request-size} before anything reads them. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpLimits.class)
public class HttpLimitsAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(HttpLimits limits) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits.maxRequestSize().toBytes()));
        // ahead of Spring Security, whose filters read form posts (sign-in, tokens)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
