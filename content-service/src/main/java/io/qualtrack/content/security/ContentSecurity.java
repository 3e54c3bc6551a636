package io.qualtrack.content.security;

import io.qualtrack.security.ApiSecurity;
import io.qualtrack.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Anyone signed in reads the catalogue (it holds no personal data); only content authors change it. */
@Configuration(proxyBeanMethods = false)
class ContentSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return ApiSecurity.chain(http, rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/units/*/versions", "/api/unit-pages").hasRole(Role.CONTENT_AUTHOR.name())
                .requestMatchers(HttpMethod.GET, "/api/**").authenticated());
    }
}
