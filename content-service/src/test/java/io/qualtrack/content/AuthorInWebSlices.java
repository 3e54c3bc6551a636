package io.qualtrack.content;

import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** A web slice secured as the service is, its requests made by a content author unless a test says otherwise. */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan("io.qualtrack.content.security")
public class AuthorInWebSlices {

    @Bean
    MockMvcBuilderCustomizer asAnAuthor() {
        return TestTokens.mockedByDefaultAs(TestCaller.author());
    }
}
