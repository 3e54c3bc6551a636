package io.qualtrack.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Each service reads {@code <service-name>.yml} instead of {@code application.yml}, named after its
 * {@code @SpringBootApplication} class ({@code ProgressServiceApplication} reads
 * {@code progress-service.yml}). So several services can share one JVM, as the system tests do,
 * without one service's configuration shadowing another's. An explicit {@code spring.config.name}
 * still wins.
 */
public class ServiceConfigName implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.config.name")) {
            return;
        }
        application.getAllSources().stream()
                .filter(source -> source instanceof Class<?> type && type.isAnnotationPresent(SpringBootApplication.class))
                .map(source -> configName((Class<?>) source))
                .findFirst()
                .ifPresent(name -> environment.getPropertySources().addLast(
                        new MapPropertySource("serviceConfigName", Map.of("spring.config.name", name))));
    }

    static String configName(Class<?> application) {
        String name = application.getSimpleName().replaceFirst("Application$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int getOrder() {
        // before the config data is read
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
