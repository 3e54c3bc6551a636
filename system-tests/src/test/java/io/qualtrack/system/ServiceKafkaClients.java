package io.qualtrack.system;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of every Kafka client a service creates, built the way Spring Boot and the Spring Cloud Stream
 * Kafka binder build it, from the service's {@code <service>.yml} (and the shared defaults) under an environment:
 * Boot's producer, consumer and admin (the {@code KafkaAdmin} that creates the {@code NewTopic} beans, the health
 * check, the dead-letter reader), the binder's consumers, producers and topic provisioner.
 */
final class ServiceKafkaClients {

    private ServiceKafkaClients() {
    }

    /** By client, its configuration. */
    static Map<String, Map<String, Object>> of(String service, Map<String, String> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        MutablePropertySources sources = spring.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        // in the container's environment's place, under its name: Boot binds SPRING_KAFKA_… only from a source so named
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(environment)));
        yaml(service + ".yml").forEach(sources::addLast);
        yaml(ServiceConfig.SHARED_DEFAULTS).forEach(sources::addLast);
        Binder binder = Binder.get(spring);

        KafkaProperties kafka = binder.bind("spring.kafka", KafkaProperties.class).orElseGet(KafkaProperties::new);
        KafkaBinderConfigurationProperties streamBinder = new KafkaBinderConfigurationProperties(kafka,
                new StaticListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class));
        binder.bind("spring.cloud.stream.kafka.binder", Bindable.ofInstance(streamBinder));
        KafkaTopicProvisioner provisioner = new KafkaTopicProvisioner(streamBinder, kafka, null, List.of());

        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        clients.put("Spring Kafka producer (KafkaTemplate)", kafka.buildProducerProperties());
        clients.put("Spring Kafka consumer", kafka.buildConsumerProperties());
        clients.put("Spring Kafka admin (KafkaAdmin: NewTopic beans, health)", kafka.buildAdminProperties());
        clients.put("binder consumer", streamBinder.mergedConsumerConfiguration());
        clients.put("binder producer", streamBinder.mergedProducerConfiguration());
        clients.put("binder admin (topic provisioning)", provisioner.getAdminClientProperties());
        return clients;
    }

    private static List<PropertySource<?>> yaml(String name) {
        try {
            return new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
