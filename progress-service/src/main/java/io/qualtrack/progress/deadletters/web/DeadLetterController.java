package io.qualtrack.progress.deadletters.web;

import io.qualtrack.progress.deadletters.DeadLetterId;
import io.qualtrack.progress.deadletters.DeadLetterNotFoundException;
import io.qualtrack.progress.deadletters.DeadLetterView;
import io.qualtrack.progress.deadletters.DeadLetters;
import io.qualtrack.progress.deadletters.RejectionReason;
import io.qualtrack.progress.web.InvalidOperationException;
import io.qualtrack.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** Operations on the dead-letter topic: list, inspect, re-drive. */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record Listing(int count, List<DeadLetterView> deadLetters) {
    }

    /** {@code reason} and {@code ids} (dead-letter ids, partition@offset) select; both given, a record must match both. */
    record RedriveRequest(@Nullable String reason, @Nullable List<String> ids) {
    }

    @GetMapping("/api/operations/dead-letters")
    Listing list(@RequestParam(required = false) @Nullable String reason, @RequestParam(defaultValue = "100") int limit) {
        List<DeadLetterView> found = deadLetters.list(reason(reason), limit);
        return new Listing(found.size(), found);
    }

    @GetMapping("/api/operations/dead-letters/{id}")
    DeadLetterView get(@PathVariable String id) {
        return deadLetters.get(DeadLetterId.parse(id));
    }

    @PostMapping("/api/operations/dead-letters/redrive")
    DeadLetters.Redriven redrive(@RequestBody RedriveRequest request) {
        List<DeadLetterId> ids = request.ids() == null ? List.of() : request.ids().stream().map(DeadLetterId::parse).toList();
        return deadLetters.redrive(reason(request.reason()), ids);
    }

    @ExceptionHandler(DeadLetterNotFoundException.class)
    ProblemDetail notFound(DeadLetterNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    private static @Nullable RejectionReason reason(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RejectionReason.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidOperationException("unknown reason '" + text + "': one of " + Arrays.toString(RejectionReason.values()));
        }
    }
}
