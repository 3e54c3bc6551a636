package io.qualtrack.observability;

import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;

/**
 * The health components every service's readiness group includes: {@code kafka} and {@code mongo} (the latter
 * instead of Spring Boot's, which backs off when a bean of that name exists).
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, MongoAutoConfiguration.class},
        before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class DependencyHealthAutoConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    @ConditionalOnBean(KafkaAdmin.class)
    static class Kafka {

        @Bean
        KafkaReachability kafkaHealthIndicator(KafkaAdmin admin) {
            return new KafkaReachability(admin.getConfigurationProperties(), TIMEOUT);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoClient.class)
    @ConditionalOnBean(MongoClient.class)
    static class Mongo {

        @Bean
        MongoReachability mongoHealthIndicator(MongoClient client) {
            return new MongoReachability(client);
        }
    }
}
