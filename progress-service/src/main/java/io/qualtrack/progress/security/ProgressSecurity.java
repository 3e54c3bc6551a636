package io.qualtrack.progress.security;

import io.qualtrack.security.ApiSecurity;
import io.qualtrack.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Activity comes from a centre's system or staff; progress is read by learners, staff and operations; dead letters
 * (which hold any centre's activity) are for operations only. Which centre's
 * activity and which learner's progress is the controllers' part: it depends on the items and the enrolments.
 */
@Configuration(proxyBeanMethods = false)
class ProgressSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return ApiSecurity.chain(http, rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/activities")
                .hasAnyRole(Role.ACTIVITY_SUBMITTER.name(), Role.CENTRE_STAFF.name())
                .requestMatchers(HttpMethod.GET, "/api/learners/*/progress")
                .hasAnyRole(Role.LEARNER.name(), Role.CENTRE_STAFF.name(), Role.OPERATIONS.name())
                .requestMatchers("/api/operations/**").hasRole(Role.OPERATIONS.name()));
    }
}
