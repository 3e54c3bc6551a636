package io.qualtrack.progress.tracking;

/** Where a consumed record came from, kept on its dead letter. */
public record RecordOrigin(String topic, int partition, long offset) {
}
