package io.qualtrack.kafka;

import io.qualtrack.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Every topic as it must be created. Each service declares the topics it produces or consumes, so
 * whichever starts first creates them right: a consumer's binder must never create the content topic
 * uncompacted, or a keyed topic with one partition.
 */
public final class TopicDeclarations {

    private TopicDeclarations() {
    }

    /** One partition, so the catalogue is in one total order; compacted, so it stays complete. */
    public static NewTopic content(TopicSettings settings) {
        return TopicBuilder.name(Topics.CONTENT).partitions(1).replicas(settings.replicas())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "60000")
                .build();
    }

    public static NewTopic activity(TopicSettings settings) {
        return keyed(Topics.ACTIVITY, settings);
    }

    public static NewTopic activityDeadLetter(TopicSettings settings) {
        return keyed(Topics.ACTIVITY_DEAD_LETTER, settings);
    }

    public static NewTopic progressReportDeadLetter(TopicSettings settings) {
        return keyed(Topics.PROGRESS_REPORT_DEAD_LETTER, settings);
    }

    public static NewTopic progress(TopicSettings settings) {
        return keyed(Topics.PROGRESS, settings);
    }

    private static NewTopic keyed(String name, TopicSettings settings) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicas()).build();
    }
}
