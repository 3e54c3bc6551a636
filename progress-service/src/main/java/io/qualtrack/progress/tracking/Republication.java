package io.qualtrack.progress.tracking;

import io.qualtrack.progress.publication.ProgressSender;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Publishes every enrolment's current snapshot again, a page at a time in enrolment-id order, so a read model can be
 * rebuilt from nothing whatever the progress topic still retains. A snapshot goes out under the event id its revision
 * always has, so a read model that holds it already recognises it and changes nothing.
 */
@Component
public class Republication {

    public static final int MAX_PAGE = 1000;

    private final EnrolmentStore enrolments;
    private final ProgressSender progress;

    Republication(EnrolmentStore enrolments, ProgressSender progress) {
        this.enrolments = enrolments;
        this.progress = progress;
    }

    /** @param next the enrolment to continue after; null once the last page is out */
    public record Page(int republished, @Nullable String next) {
    }

    /**
     * Sends up to {@code limit} (1 to {@link #MAX_PAGE}) snapshots from the first enrolment after {@code after} and
     * waits until Kafka has them.
     */
    public Page republish(@Nullable String after, int limit) {
        List<EnrolmentStore.Snapshot> snapshots = enrolments.snapshotsAfter(after, limit);
        progress.send(snapshots.stream().map(ActivityProcessor::changed).toList());
        String next = snapshots.size() < limit ? null : snapshots.getLast().id().value();
        return new Page(snapshots.size(), next);
    }
}
