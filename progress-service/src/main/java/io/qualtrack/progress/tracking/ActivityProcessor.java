package io.qualtrack.progress.tracking;

import io.qualtrack.progress.deadletters.DeadLetter;
import io.qualtrack.progress.deadletters.DeadLetterSender;
import io.qualtrack.progress.deadletters.RejectionReason;
import io.qualtrack.progress.enrolment.ActivityEventDocuments;
import io.qualtrack.progress.enrolment.EnrolmentId;
import io.qualtrack.progress.parking.ParkReason;
import io.qualtrack.progress.parking.ParkedActivity;
import io.qualtrack.progress.parking.ParkedActivityStore;
import io.qualtrack.progress.publication.ProgressSender;
import io.qualtrack.progress.publication.PublicationLog;
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
import java.util.HashMap;
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
    private final ActivityEventStore events;
    private final PublicationLog publications;
    private final ParkedActivityStore parked;
    private final CatalogueView catalogue;
    private final DeadLetterSender deadLetters;
    private final ProgressSender progress;
    private final ActivityMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;

    public ActivityProcessor(EnrolmentStore enrolments, ActivityEventStore events, PublicationLog publications, ParkedActivityStore parked,
                             CatalogueView catalogue, DeadLetterSender deadLetters, ProgressSender progress,
                             ActivityMetrics metrics, JsonMapper json, Clock clock) {
        this.enrolments = enrolments;
        this.events = events;
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
                .values().stream().filter(Enrolment::enrolled).map(Enrolment::id).collect(Collectors.toSet());
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

    private BatchOutcome run(List<Incoming> arrived, boolean redriven) {
        List<Incoming> work = arrived.stream().map(i -> new Incoming(ActivityEventDocuments.toMillis(i.event()), i.payload(), i.origin())).toList();
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

    /**
     * Applies the events to their enrolments, redoing the groups whose enrolment changed under us. Events are stored
     * before the enrolments that apply them: a crash in between leaves them stored, and their redelivery (found
     * stored, so counted as duplicates) still applies them, since applying an event twice changes nothing.
     */
    private Round apply(List<Incoming> work) {
        Map<EnrolmentId, List<Incoming>> pending = new LinkedHashMap<>();
        work.forEach(incoming -> pending.computeIfAbsent(EnrolmentId.of(incoming.event()), k -> new ArrayList<>()).add(incoming));
        Map<UUID, LearnerActivityEvent> stored = new HashMap<>(events.find(work.stream().map(i -> i.event().eventId()).toList()));
        Set<UUID> storedByThisBatch = new HashSet<>();
        Round round = new Round();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_CONFLICT_ROUNDS) {
                throw new IllegalStateException("enrolments kept changing concurrently: " + pending.keySet());
            }
            Map<EnrolmentId, Enrolment> loaded = enrolments.load(pending.keySet());
            Map<EnrolmentId, GroupResult> results = new LinkedHashMap<>();
            pending.forEach((id, group) -> results.put(id, admit(loaded.getOrDefault(id, Enrolment.absent(id)), group, stored, storedByThisBatch)));
            List<LearnerActivityEvent> toStore = results.values().stream().flatMap(r -> r.toStore.stream()).toList();
            Set<UUID> storedMeanwhile = events.append(toStore);
            toStore.forEach(event -> {
                stored.put(event.eventId(), event);
                if (!storedMeanwhile.contains(event.eventId())) {
                    storedByThisBatch.add(event.eventId());
                }
            });
            // another thread stored one of them since this batch looked (both re-driving it from parking): theirs is
            // the first, so here it is a duplicate, and counted once
            results.values().forEach(r -> r.outcomes.replaceAll(o -> o.outcome() == Outcome.APPLIED
                    && storedMeanwhile.contains(o.event().eventId()) ? new EventOutcome(o.event(), Outcome.DUPLICATE) : o));
            Map<EnrolmentId, Map<CriterionKey, Integer>> late = new HashMap<>();
            results.values().forEach(r -> {
                Map<CriterionKey, CriterionRecord> recorded = r.enrolment.stored().criteria();
                r.enrolment.reachedLate(r.accepted).forEach(key ->
                        late.computeIfAbsent(r.enrolment.id(), k -> new HashMap<>()).put(key, recorded.get(key).events()));
            });
            var histories = events.histories(late);
            List<EnrolmentStore.Update> updates = new ArrayList<>();
            Map<EnrolmentId, List<CriterionHistory.Listing>> listings = new HashMap<>();
            results.values().forEach(r -> {
                r.enrolment.apply(r.accepted, histories.getOrDefault(r.enrolment.id(), Map.of()));
                if (r.enrolment.changed()) {
                    r.update = new EnrolmentStore.Update(r.enrolment.stored(), r.enrolment.state(), r.enrolment.revision() + 1, clock.instant());
                    updates.add(r.update);
                    listings.put(r.enrolment.id(), r.enrolment.listings());
                }
            });
            // listed before the states that count them are stored, as the events are
            events.list(listings);
            if (!updates.isEmpty()) {
                round.publications.add(publications.open(updates.stream().map(u -> u.state().id()).toList(), clock.instant()));
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

    /**
     * Decides what becomes of each event of one enrolment: applied, a duplicate (stored before; applied again, which
     * changes nothing unless a crash came between storing it and applying it), parked or dead-lettered.
     */
    private GroupResult admit(Enrolment enrolment, List<Incoming> group, Map<UUID, LearnerActivityEvent> stored,
                              Set<UUID> storedByThisBatch) {
        GroupResult result = new GroupResult(enrolment);
        Map<UUID, LearnerActivityEvent> earlierInBatch = new HashMap<>();
        for (Incoming incoming : group) {
            LearnerActivityEvent event = incoming.event();
            UUID id = event.eventId();
            LearnerActivityEvent earlier = earlierInBatch.containsKey(id) ? earlierInBatch.get(id) : stored.get(id);
            if (earlier != null) {
                List<String> differences = ActivityRecords.differences(earlier, event);
                if (!differences.isEmpty()) {
                    result.rejected.add(new DeadLetter(incoming.payload(), event.learnerId(), id.toString(),
                            RejectionReason.CONFLICTING_DUPLICATE, "event " + id
                            + " was applied before with a different " + String.join(", ", differences) + "; this one was not applied",
                            incoming.origin()));
                    result.outcomes.add(new EventOutcome(event, Outcome.REJECTED));
                    continue;
                }
                event = earlier;
            }
            boolean duplicate = earlierInBatch.containsKey(id) || stored.containsKey(id) && !storedByThisBatch.contains(id);
            earlierInBatch.putIfAbsent(id, event);
            switch (enrolment.admit(event, catalogue)) {
                case Admission.Accept accept -> {
                    result.accepted.add(event);
                    if (!duplicate && !stored.containsKey(id)) {
                        result.toStore.add(event);
                    }
                    result.outcomes.add(new EventOutcome(event, duplicate ? Outcome.DUPLICATE : Outcome.APPLIED));
                    // a batch retried after a failure finds its enrolment already applied: still re-drive what waits for it
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
        return result;
    }

    private void publish(List<EnrolmentStore.Update> updates) {
        progress.send(updates.stream().map(u -> changed(enrolments.snapshotOf(u))).toList());
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

    /**
     * The same enrolment revision always yields the same event id, so a re-send is a recognisable duplicate. Published
     * without the catalogue's words: consumers keep the catalogue, and the snapshot is a third smaller.
     */
    static EnrolmentProgressChanged changed(EnrolmentStore.Snapshot snapshot) {
        UUID eventId = UUID.nameUUIDFromBytes((snapshot.id().value() + "#" + snapshot.revision()).getBytes(StandardCharsets.UTF_8));
        return new EnrolmentProgressChanged(eventId, snapshot.updatedAt(), ProgressEvent.SCHEMA_VERSION,
                snapshot.id().learnerId(), snapshot.id().qualificationCode(), snapshot.revision(), snapshot.progress().withoutTexts());
    }

    private record EventOutcome(LearnerActivityEvent event, Outcome outcome) {
    }

    private static final class GroupResult {
        final Enrolment enrolment;
        final List<EventOutcome> outcomes = new ArrayList<>();
        final List<LearnerActivityEvent> accepted = new ArrayList<>();
        final List<LearnerActivityEvent> toStore = new ArrayList<>();
        final List<ParkedActivity> parked = new ArrayList<>();
        final List<DeadLetter> rejected = new ArrayList<>();
        EnrolmentStore.Update update;
        boolean enrolled;

        GroupResult(Enrolment enrolment) {
            this.enrolment = enrolment;
        }
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
                enrolled.add(result.enrolment.id());
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
