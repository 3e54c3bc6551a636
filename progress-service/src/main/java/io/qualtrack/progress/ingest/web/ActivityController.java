package io.qualtrack.progress.ingest.web;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.ingest.ActivityNotStoredException;
import io.qualtrack.progress.ingest.ActivityPublisher;
import io.qualtrack.progress.tracking.AppliedEvents;
import io.qualtrack.security.Caller;
import io.qualtrack.security.ForbiddenActionException;
import io.qualtrack.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * {@code POST /api/activities}: one activity or a JSON array of them. Valid items are published to
 * the activity topic (keyed by learner) before the answer; invalid ones are listed by index. Every item must be for a
 * centre the caller submits for.
 */
@RestController
class ActivityController {

    static final int MAX_ITEMS = 1000;

    private final ActivityPublisher publisher;
    private final AppliedEvents appliedEvents;
    private final JsonMapper json;
    private final Clock clock;

    ActivityController(ActivityPublisher publisher, AppliedEvents appliedEvents, JsonMapper json, Clock clock) {
        this.publisher = publisher;
        this.appliedEvents = appliedEvents;
        this.json = json;
        this.clock = clock;
    }

    record Accepted(int index, UUID eventId, String type) {
    }

    record Submission(List<Accepted> accepted) {
    }

    @PostMapping("/api/activities")
    ResponseEntity<?> submit(@RequestBody JsonNode body, Caller caller) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "Invalid activity", 
                    "send between 1 and " + MAX_ITEMS + " activities per request (got " + items.size() + ")"));
        }
        refuseOtherCentres(items, caller);
        ActivityReader.Result result = ActivityReader.read(items, clock.instant(), json);
        List<LearnerActivityEvent> events = result.valid().stream().map(ActivityReader.Item::event).toList();
        List<ConflictingDuplicates.Conflict> conflicts = ConflictingDuplicates.find(result.valid(), appliedEvents.appliedUnderIdsOf(events));
        if (!conflicts.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Conflicting eventId", conflicts.size()
                    + " activities reuse an eventId for different content; none of the " + items.size() + " activities were accepted."
                    + " An eventId names one event: send a correction as a new event with its own id");
            problem.setProperty("conflicts", conflicts);
            problem.setProperty("errors", result.invalid());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        if (!events.isEmpty()) {
            publisher.publish(events.stream().filter(distinctIds()).toList());
        }
        List<Accepted> accepted = result.valid().stream()
                .map(item -> new Accepted(item.index(), item.event().eventId(), item.event().getClass().getSimpleName()))
                .toList();
        if (result.invalid().isEmpty()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Submission(accepted));
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid activity", result.invalid().size() + " of " + items.size()
                + " activities are invalid and were not accepted; the other " + accepted.size() + " were");
        problem.setProperty("errors", result.invalid());
        problem.setProperty("accepted", accepted);
        return ResponseEntity.badRequest().body(problem);
    }

    /** The same event sent twice in one request is published once. */
    private static Predicate<LearnerActivityEvent> distinctIds() {
        Set<UUID> seen = new HashSet<>();
        return event -> seen.add(event.eventId());
    }

    /**
     * An item for a centre the caller does not act for refuses the whole request (403) and nothing is published.
     * Unlike an invalid item, which its sender fixes and sends again alone, it means credentials used for the wrong
     * centre or a reach into another one: accepting the rest would hide that, and with nothing stored the sender simply
     * sends the batch again under the right token. Only the offending indexes are named, nothing of the other centre.
     */
    private static void refuseOtherCentres(List<JsonNode> items, Caller caller) {
        List<Integer> foreign = IntStream.range(0, items.size()).filter(index -> {
            JsonNode centre = items.get(index).get("centreId");
            return centre != null && !centre.isNull() && !(centre.isValueNode() && caller.maySubmitFor(centre.asString()));
        }).boxed().toList();
        if (!foreign.isEmpty()) {
            throw new ForbiddenActionException("activities " + foreign + " are for centres this token does not submit for;"
                    + " none of the " + items.size() + " activities were accepted");
        }
    }

    @ExceptionHandler(ActivityNotStoredException.class)
    ResponseEntity<ProblemDetail> notStored(ActivityNotStoredException e) {
        if (e.retryable()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Activity not accepted", e.getMessage()));
        }
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Activity not accepted", e.getMessage()));
    }
}
