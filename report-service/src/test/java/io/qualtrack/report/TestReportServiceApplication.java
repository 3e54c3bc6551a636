package io.qualtrack.report;

import io.qualtrack.testsupport.ContainersConfiguration;
import org.springframework.boot.SpringApplication;

/** Runs report-service against Kafka and MongoDB containers for local development (needs Docker). */
public class TestReportServiceApplication {

    public static void main(String[] args) {
        SpringApplication.from(ReportServiceApplication::main).with(ContainersConfiguration.class).run(args);
    }
}
