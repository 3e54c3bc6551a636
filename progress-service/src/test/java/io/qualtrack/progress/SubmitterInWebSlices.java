package io.qualtrack.progress;

import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** A web slice secured as the service is, its requests made by {@link #CENTRE}'s system unless a test says otherwise. */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan("io.qualtrack.progress.security")
public class SubmitterInWebSlices {

    public static final String CENTRE = "C-1";

    @Bean
    MockMvcBuilderCustomizer asTheCentresSystem() {
        return TestTokens.mockedByDefaultAs(TestCaller.submitter(CENTRE));
    }
}
