package io.qualtrack.progress;

import io.qualtrack.progress.parking.ActivityBacklog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProgressServiceApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ActivityBacklog activityBacklog(Clock clock) {
        return new ActivityBacklog(clock.instant());
    }

    public static void main(String[] args) {
        SpringApplication.run(ProgressServiceApplication.class, args);
    }
}
