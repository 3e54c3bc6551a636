package io.qualtrack.report.web;

import io.qualtrack.report.cohort.AssessedRow;
import io.qualtrack.report.cohort.CohortQueries;
import io.qualtrack.report.cohort.CohortSummary;
import io.qualtrack.report.cohort.InvalidQueryException;
import io.qualtrack.report.cohort.LearnerListing;
import io.qualtrack.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static io.qualtrack.report.tenancy.Tenancy.requireCentre;

/** Centres and cohorts for centre staff (their centres) and operations (every centre). */
@RestController
@RequestMapping("/api/centres")
class CentreController {

    record LearnerPage(int page, int size, int totalItems, int totalPages, List<LearnerItem> items) {
    }

    record AtRisk(String centreId, int learners, List<LearnerItem> items) {
    }

    private final CohortQueries cohorts;
    private final ListingProperties listing;

    CentreController(CohortQueries cohorts, ListingProperties listing) {
        this.cohorts = cohorts;
        this.listing = listing;
    }

    @GetMapping
    List<CohortQueries.CentreOverview> centres(Caller caller) {
        return cohorts.centres(caller::mayReadCentre);
    }

    @GetMapping("/{centreId}/cohorts")
    List<CohortQueries.CohortOverview> cohorts(Caller caller, @PathVariable String centreId) {
        requireCentre(caller, centreId);
        return cohorts.cohorts(centreId);
    }

    @GetMapping("/{centreId}/cohorts/{cohortId}")
    CohortSummary summary(Caller caller, @PathVariable String centreId, @PathVariable String cohortId) {
        requireCentre(caller, centreId);
        return cohorts.summary(centreId, cohortId);
    }

    /** Filter by {@code rag} (GREEN, AMBER, RED, WITHDRAWN) and {@code unit} (+ {@code unitStatus}); sort; page. */
    @GetMapping("/{centreId}/cohorts/{cohortId}/learners")
    LearnerPage learners(Caller caller, @PathVariable String centreId, @PathVariable String cohortId,
                         @RequestParam(required = false) @Nullable String rag,
                         @RequestParam(required = false) @Nullable String unit,
                         @RequestParam(required = false) @Nullable String unitStatus,
                         @RequestParam(defaultValue = "learner") String sort,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "25") int size) {
        requireCentre(caller, centreId);
        if (page < 0 || size < 1) {
            throw new InvalidQueryException("page must be 0 or more and size 1 or more");
        }
        int pageSize = Math.min(size, listing.maxPageSize());
        LearnerListing.Page result = LearnerListing.list(cohorts.learners(centreId, cohortId),
                filter(rag, unit, unitStatus), LearnerListing.SortKey.parse(sort), page, pageSize);
        return new LearnerPage(result.page(), result.size(), result.totalItems(), result.totalPages(),
                result.items().stream().map(LearnerItem::of).toList());
    }

    /** The learners × units grid as CSV, with the same filters and sort as the learner list, unpaged. */
    @GetMapping(path = "/{centreId}/cohorts/{cohortId}/grid.csv", produces = "text/csv")
    ResponseEntity<String> grid(Caller caller, @PathVariable String centreId, @PathVariable String cohortId,
                                @RequestParam(required = false) @Nullable String rag,
                                @RequestParam(required = false) @Nullable String unit,
                                @RequestParam(required = false) @Nullable String unitStatus,
                                @RequestParam(defaultValue = "learner") String sort) {
        requireCentre(caller, centreId);
        List<AssessedRow> rows = cohorts.learners(centreId, cohortId);
        LearnerListing.Page all = LearnerListing.list(rows, filter(rag, unit, unitStatus), LearnerListing.SortKey.parse(sort),
                0, Math.max(1, rows.size()));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(centreId + "-" + cohortId + "-grid.csv").build().toString())
                .body(CohortGridCsv.write(all.items()));
    }

    @GetMapping("/{centreId}/at-risk")
    AtRisk atRisk(Caller caller, @PathVariable String centreId) {
        requireCentre(caller, centreId);
        List<LearnerItem> items = cohorts.atRisk(centreId).stream().map(LearnerItem::of).toList();
        return new AtRisk(centreId, items.size(), items);
    }

    private static LearnerListing.Filter filter(@Nullable String rag, @Nullable String unit, @Nullable String unitStatus) {
        return LearnerListing.Filter.parse(rag, unit, unitStatus, null);
    }
}
