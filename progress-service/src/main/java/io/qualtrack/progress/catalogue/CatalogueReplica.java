package io.qualtrack.progress.catalogue;

import io.qualtrack.replica.ContentReplicaConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** This service keeps its own copy of the catalogue (a configuration of its own, so web slices leave it out). */
@Configuration(proxyBeanMethods = false)
@Import(ContentReplicaConfiguration.class)
class CatalogueReplica {
}
