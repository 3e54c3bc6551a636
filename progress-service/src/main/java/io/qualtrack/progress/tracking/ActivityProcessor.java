package io.qualtrack.progress.tracking;

import io.qualtrack.replica.CatalogueView;

import io.qualtrack.contract.activity.ActivityRecords;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.progress.tracking.ActivityMetrics.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies activity in batches. Every event ends applied, a duplicate (already applied: nothing to
 * do), parked (waiting for content or its enrolment) or dead-lettered, and the batch only returns
 * once all of that is durable, so the consumer commits its offsets after the outcome, never before.
 *
 * <p>Per batch: one read of every enrolment involved, one unordered bulk write of the changed ones
 * (guarded by revision; an enrolment someone else changed first is re-read and redone), then the
 * parked, dead-lettered and progress-changed records, then activity that was waiting for an
 * enrolment applied in this batch.
 */
@Component
public class ActivityProcessor {

    private static final Logger log = LoggerFactory.getLogger(ActivityProcessor.class);
    private static final int MAX_CONFLICT_ROUNDS = 20;
    static final int REDRIVE_LIMIT = 1000;

    private final EnrolmentStore enrolments;
    private final PublicationLog publications;
    private final ParkedActivityStore parked;
    private final CatalogueView catalogue;
    private final DeadLetterSender deadLetters;
    private final ProgressSender progress;
    private final ActivityMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;

    public ActivityProcessor(EnrolmentStore enrolments, PublicationLog publications, ParkedActivityStore parked,
                             CatalogueView catalogue, DeadLetterSender deadLetters, ProgressSender progress,
                             ActivityMetrics metrics, JsonMapper json, Clock clock) {
        this.enrolments = enrolments;
        this.publications = publications;
        this.parked = parked;
        this.catalogue = catalogue;
        this.deadLetters = deadLetters;
        this.progress = progress;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    /** What became of one batch, counted over the batch and everything it re-drove. */
    public record BatchOutcome(int applied, int duplicates, int parked, int rejected) {

        BatchOutcome plus(BatchOutcome other) {
            return new BatchOutcome(applied + other.applied, duplicates + other.duplicates, parked + other.parked,
                    rejected + other.rejected);
        }
    }

    public BatchOutcome process(List<Incoming> batch) {
        return run(batch, false);
    }

    /**
     * Applies what was parked waiting for these keys (a unit, a qualification, an enrolment), a page at a time until a
     * page is not full or applies nothing: content that arrives after a replay has read the activity releases all
     * of it at once rather than a page per sweep.
     */
    public BatchOutcome redrive(Collection<String> waitingKeys) {
        BatchOutcome total = new BatchOutcome(0, 0, 0, 0);
        if (waitingKeys.isEmpty()) {
            return total;
        }
        while (true) {
            List<ParkedActivity> page = parked.waitingFor(waitingKeys, REDRIVE_LIMIT);
            BatchOutcome outcome = run(asIncoming(page), true);
            total = total.plus(outcome);
            if (page.size() < REDRIVE_LIMIT || outcome.applied() + outcome.rejected() == 0) {
                return total;
            }
        }
    }

    /** Applies up to {@code limit} parked events, those tried longest ago first, whatever they wait for. */
    public BatchOutcome redriveLeastRecentlyTried(int limit) {
        return run(asIncoming(parked.leastRecentlyTried(limit)), true);
    }

    /**
     * Dead-letters activity that waited longer than allowed for its enrolment: the learner is not
     * enrolled on that qualification.
     */
    public int expireAwaitingEnrolment(Instant parkedBefore, int limit) {
        List<ParkedActivity> candidates = parked.parkedBefore(ParkReason.AWAITING_ENROLMENT, parkedBefore, limit).stream()
                // an enrolment still waiting for its content is coming: its activity waits with it
                .filter(p -> !parked.hasParkedEnrolment(EnrolmentId.of(p.event())))
                .toList();
        // Then the store, in this order: another thread applying an enrolment stores it before it leaves the parked
        // ones, so one that left them in between is found here, and its activity (whose re-drive was missed) applies.
        Set<EnrolmentId> enrolled = enrolments.load(candidates.stream().map(p -> EnrolmentId.of(p.event())).distinct().toList())
                .values().stream().filter(StoredEnrolment::enrolled).map(StoredEnrolment::id).collect(Collectors.toSet());
        Map<Boolean, List<ParkedActivity>> enrolledNow = candidates.stream()
                .collect(Collectors.partitioningBy(p -> enrolled.contains(EnrolmentId.of(p.event()))));
        run(asIncoming(enrolledNow.get(true)), true);
        List<ParkedActivity> expired = enrolledNow.get(false);
        List<DeadLetter> letters = expired.stream().map(p -> new DeadLetter(
                json.writeValueAsString(p.event()).getBytes(StandardCharsets.UTF_8), p.event().learnerId(),
                p.event().eventId().toString(), RejectionReason.NOT_ENROLLED, "learner " + p.event().learnerId()
                + " is not enrolled on " + p.event().qualificationCode() + " at " + p.event().centreId() + " (waited since " + p.parkedAt() + ")", p.origin())).toList();
        deadLetters.send(letters);
        letters.forEach(d -> metrics.deadLettered(d.reason()));
        parked.remove(expired.stream().map(p -> p.event().eventId()).toList());
        return expired.size();
    }

    private BatchOutcome run(List<Incoming> work, boolean redriven) {
        Tally total = new Tally();
        while (!work.isEmpty()) {
            Round round = apply(work);
            // a re-driven event only updates its entry: never bring back one another thread applied and removed
            parked.park(round.parked, !redriven);
            deadLetters.send(round.rejected);
            round.rejected.forEach(d -> metrics.deadLettered(d.reason()));
            publish(round.updates);
            publications.close(round.publications);
            if (redriven) {
                Set<UUID> stillParked = new HashSet<>();
                round.parked.forEach(p -> stillParked.add(p.event().eventId()));
                parked.remove(work.stream().map(i -> i.event().eventId()).filter(id -> !stillParked.contains(id)).toList());
            }
            total.add(round.tally);
            work = round.enrolled.isEmpty() ? List.of()
                    : asIncoming(parked.waitingFor(round.enrolled.stream().map(EnrolmentId::waitingKey).toList(), REDRIVE_LIMIT));
            redriven = true;
        }
        return total.toOutcome();
    }

    private List<Incoming> asIncoming(List<ParkedActivity> activities) {
        return activities.stream().map(p -> new Incoming(p.event(),
                json.writeValueAsString(p.event()).getBytes(StandardCharsets.UTF_8), p.origin())).toList();
    }

    /** Applies the events to their enrolments, redoing the groups whose enrolment changed under us. */
    private Round apply(List<Incoming> work) {
        Map<EnrolmentId, List<Incoming>> pending = new LinkedHashMap<>();
        work.forEach(incoming -> pending.computeIfAbsent(EnrolmentId.of(incoming.event()), k -> new ArrayList<>()).add(incoming));
        Round round = new Round();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_CONFLICT_ROUNDS) {
                throw new IllegalStateException("enrolments kept changing concurrently: " + pending.keySet());
            }
            Map<EnrolmentId, StoredEnrolment> loaded = enrolments.load(pending.keySet());
            Map<EnrolmentId, GroupResult> results = new LinkedHashMap<>();
            pending.forEach((id, events) -> results.put(id, applyToEnrolment(
                    loaded.getOrDefault(id, StoredEnrolment.absent(id)), events)));
            List<EnrolmentStore.Update> updates = results.values().stream()
                    .filter(r -> r.update != null).map(r -> r.update).toList();
            if (!updates.isEmpty()) {
                round.publications.add(publications.open(updates.stream().map(u -> u.enrolment().id()).toList(), clock.instant()));
            }
            Set<EnrolmentId> conflicts = enrolments.save(updates);
            if (!conflicts.isEmpty()) {
                log.debug("{} enrolments changed concurrently; redoing them", conflicts.size());
            }
            results.forEach((id, result) -> {
                if (!conflicts.contains(id)) {
                    round.take(result, metrics);
                    pending.remove(id);
                }
            });
        }
        return round;
    }

    private GroupResult applyToEnrolment(StoredEnrolment enrolment, List<Incoming> events) {
        GroupResult result = new GroupResult();
        for (Incoming incoming : events) {
            LearnerActivityEvent event = incoming.event();
            var applied = enrolment.applied(event.eventId());
            if (applied.isPresent()) {
                List<String> differences = ActivityRecords.differences(applied.get(), event);
                if (differences.isEmpty()) {
                    result.outcomes.add(new EventOutcome(event, Outcome.DUPLICATE));
                    // a batch retried after a failure finds its enrolment already applied: still re-drive what waits for it
                    result.enrolled |= event instanceof LearnerEnrolled;
                } else {
                    result.rejected.add(new DeadLetter(incoming.payload(), event.learnerId(), event.eventId().toString(),
                            RejectionReason.CONFLICTING_DUPLICATE, "event " + event.eventId()
                            + " was applied before with a different " + String.join(", ", differences) + "; this one was not applied",
                            incoming.origin()));
                    result.outcomes.add(new EventOutcome(event, Outcome.REJECTED));
                }
                continue;
            }
            switch (ActivityAdmission.admit(event, enrolment.enrolled(), catalogue)) {
                case Admission.Accept accept -> {
                    enrolment.add(event);
                    result.outcomes.add(new EventOutcome(event, Outcome.APPLIED));
                    result.enrolled |= event instanceof LearnerEnrolled;
                }
                case Admission.Park park -> {
                    result.parked.add(new ParkedActivity(event, park.waitingFor(), park.reason(), clock.instant(), incoming.origin()));
                    result.outcomes.add(new EventOutcome(event, Outcome.PARKED));
                }
                case Admission.Reject reject -> {
                    result.rejected.add(new DeadLetter(incoming.payload(), event.learnerId(), event.eventId().toString(),
                            reject.reason(), reject.detail(), incoming.origin()));
                    result.outcomes.add(new EventOutcome(event, Outcome.REJECTED));
                }
            }
        }
        if (enrolment.changed()) {
            result.update = new EnrolmentStore.Update(enrolment, ProgressRules.calculate(enrolment.events(), catalogue),
                    enrolment.revision() + 1, clock.instant());
        }
        result.id = enrolment.id();
        return result;
    }

    private void publish(List<EnrolmentStore.Update> updates) {
        progress.send(updates.stream().map(u -> changed(new EnrolmentStore.Snapshot(
                u.enrolment().id(), u.revision(), u.progress(), u.at()))).toList());
    }

    /**
     * Publishes the current snapshot of enrolments whose batch wrote them but died before publishing
     * (its publication log entry is older than {@code openedBefore}); returns how many were sent.
     */
    public int publishUnpublished(Instant openedBefore, int limit) {
        int sent = 0;
        for (PublicationLog.Entry entry : publications.openSince(openedBefore, limit)) {
            List<EnrolmentStore.Snapshot> snapshots = enrolments.snapshots(entry.enrolments());
            progress.send(snapshots.stream().map(ActivityProcessor::changed).toList());
            publications.close(List.of(entry.id()));
            sent += snapshots.size();
        }
        return sent;
    }

    /** The same enrolment revision always yields the same event id, so a re-send is a recognisable duplicate. */
    static EnrolmentProgressChanged changed(EnrolmentStore.Snapshot snapshot) {
        UUID eventId = UUID.nameUUIDFromBytes((snapshot.id().value() + "#" + snapshot.revision()).getBytes(StandardCharsets.UTF_8));
        return new EnrolmentProgressChanged(eventId, snapshot.updatedAt(), ProgressEvent.SCHEMA_VERSION,
                snapshot.id().learnerId(), snapshot.id().qualificationCode(), snapshot.revision(), snapshot.progress());
    }

    private record EventOutcome(LearnerActivityEvent event, Outcome outcome) {
    }

    private static final class GroupResult {
        EnrolmentId id;
        final List<EventOutcome> outcomes = new ArrayList<>();
        final List<ParkedActivity> parked = new ArrayList<>();
        final List<DeadLetter> rejected = new ArrayList<>();
        EnrolmentStore.Update update;
        boolean enrolled;
    }

    private static final class Round {
        final List<ParkedActivity> parked = new ArrayList<>();
        final List<DeadLetter> rejected = new ArrayList<>();
        final List<EnrolmentStore.Update> updates = new ArrayList<>();
        final List<EnrolmentId> enrolled = new ArrayList<>();
        final List<String> publications = new ArrayList<>();
        final Tally tally = new Tally();

        void take(GroupResult result, ActivityMetrics metrics) {
            parked.addAll(result.parked);
            rejected.addAll(result.rejected);
            if (result.update != null) {
                updates.add(result.update);
            }
            if (result.enrolled) {
                enrolled.add(result.id);
            }
            result.outcomes.forEach(o -> {
                metrics.outcome(o.event(), o.outcome());
                tally.count(o.outcome());
            });
        }
    }

    private static final class Tally {
        int applied;
        int duplicates;
        int parked;
        int rejected;

        void count(Outcome outcome) {
            switch (outcome) {
                case APPLIED -> applied++;
                case DUPLICATE -> duplicates++;
                case PARKED -> parked++;
                case REJECTED -> rejected++;
            }
        }

        void add(Tally other) {
            applied += other.applied;
            duplicates += other.duplicates;
            parked += other.parked;
            rejected += other.rejected;
        }

        BatchOutcome toOutcome() {
            return new BatchOutcome(applied, duplicates, parked, rejected);
        }
    }
}
