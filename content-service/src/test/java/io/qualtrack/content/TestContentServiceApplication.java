package io.qualtrack.content;

import io.qualtrack.testsupport.ContainersConfiguration;
import org.springframework.boot.SpringApplication;

/** Runs content-service against Kafka and MongoDB containers for local development (needs Docker). */
public class TestContentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.from(ContentServiceApplication::main).with(ContainersConfiguration.class).run(args);
    }
}
