package io.qualtrack.replica;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Import into a service that keeps its own copy of the catalogue. */
@Configuration(proxyBeanMethods = false)
public class ContentReplicaConfiguration {

    @Bean
    ContentReplica contentReplica(MongoTemplate mongo, JsonMapper json) {
        return new ContentReplica(mongo, json);
    }
}
