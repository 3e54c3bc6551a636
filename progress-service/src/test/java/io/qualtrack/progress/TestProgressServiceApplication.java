package io.qualtrack.progress;

import io.qualtrack.testsupport.ContainersConfiguration;
import org.springframework.boot.SpringApplication;

/** Runs progress-service against Kafka and MongoDB containers for local development (needs Docker). */
public class TestProgressServiceApplication {

    public static void main(String[] args) {
        SpringApplication.from(ProgressServiceApplication::main).with(ContainersConfiguration.class).run(args);
    }
}
