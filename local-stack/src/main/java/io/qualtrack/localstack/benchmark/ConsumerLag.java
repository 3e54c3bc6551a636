package io.qualtrack.localstack.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** How far a consumer group has committed on a topic, against the topic's end: the sign that a service has caught up. */
final class ConsumerLag implements AutoCloseable {

    private static final Duration CALL_WITHIN = Duration.ofSeconds(90);

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Records on {@code topic} that {@code group} has not committed yet. */
    long lag(String group, String topic) {
        Map<TopicPartition, Long> ends = ends(topic);
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /** Records {@code group} has committed on {@code topic}, all partitions together (from offset 0: nothing is deleted here). */
    long committed(String group, String topic) {
        return get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Records on {@code topic}, all partitions together. */
    long size(String topic) {
        return ends(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Partitions of {@code topic} that members of {@code group} hold now, if the group is stable (none while it rebalances). */
    int assigned(String group, String topic) {
        var description = get(admin.describeConsumerGroups(java.util.List.of(group)).all()).get(group);
        if (description.groupState() != org.apache.kafka.common.GroupState.STABLE) {
            return 0;
        }
        return (int) description.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(p -> p.topic().equals(topic)).distinct().count();
    }

    /** Waits until {@code group} has committed everything on {@code topic}, as it stands when asked. */
    void awaitCaughtUp(String group, String topic, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag;
        while ((lag = lag(group, topic)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " still had " + lag + " records of " + topic + " to commit after waiting "
                        + timeout.toSeconds() + " s: see the service's log");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Waits until a topic a service declares exists with every partition led: the stack is ready when its services
     * are, and they create their topics as they start, so the benchmark checks before it produces to them.
     */
    int awaitTopic(String topic, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(CALL_WITHIN.toSeconds(), TimeUnit.SECONDS)
                        .get(topic).partitions().size();
                awaitLeaders(topic, partitions, timeout);
                return partitions;
            } catch (ExecutionException | TimeoutException e) {
                // not created yet: ask again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topic " + topic + " did not exist after waiting " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    int partitions(String topic) {
        return get(admin.describeTopics(java.util.List.of(topic)).allTopicNames()).get(topic).partitions().size();
    }

    /**
     * Waits until every partition of a topic just created has a leader with itself in sync, and that leader serves it
     * (answers list-offsets): a producer that starts before then meets NOT_LEADER_OR_FOLLOWER and, idempotent, retries
     * its later batches into OUT_OF_ORDER_SEQUENCE_NUMBER until delivery.timeout.ms. That was seen here once with the
     * metadata naming every leader already: the floor read 5,052 of 5,210 records back, then its producer gave up after 120 s.
     */
    void awaitLeaders(String topic, int partitions, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        while (true) {
            try {
                var described = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(CALL_WITHIN.toSeconds(), TimeUnit.SECONDS)
                        .get(topic).partitions();
                if (described.size() == partitions && described.stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()
                        && p.isr().contains(p.leader()))) {
                    admin.listOffsets(latest).all().get(CALL_WITHIN.toSeconds(), TimeUnit.SECONDS);
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not known to every broker yet, or not served by its leader yet: ask again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the partitions of " + topic + " were not all led and served after waiting "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    Admin admin() {
        return admin;
    }

    private Map<TopicPartition, Long> ends(String topic) {
        int partitions = partitions(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return get(admin.listOffsets(latest).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** An admin call's answer, within {@link #CALL_WITHIN} (the client gives up after its own 60 s before that). */
    static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(CALL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin call not answered within " + CALL_WITHIN.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
