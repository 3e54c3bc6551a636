package io.qualtrack.progress.tracking.web;

import io.qualtrack.progress.tracking.Republication;
import io.qualtrack.progress.web.InvalidOperationException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations rebuild a read model by having every snapshot published again: call with no {@code after}, then with
 * each answer's {@code next} until it is null. Safe to repeat or to stop half way.
 */
@RestController
class RepublicationController {

    private final Republication republication;

    RepublicationController(Republication republication) {
        this.republication = republication;
    }

    @PostMapping("/api/operations/progress/republish")
    Republication.Page republish(@RequestParam(required = false) @Nullable String after,
                                 @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > Republication.MAX_PAGE) {
            throw new InvalidOperationException("limit must be from 1 to " + Republication.MAX_PAGE + " (got " + limit + ")");
        }
        return republication.republish(after, limit);
    }
}
