package io.qualtrack.report.pages;

import io.qualtrack.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;

import static io.qualtrack.report.tenancy.Tenancy.requireCentre;

/** A cohort's page, the CSV of its grid as filtered on screen, and the version its script polls. */
@Controller
class CohortPageController {

    private final CohortPages pages;

    CohortPageController(CohortPages pages) {
        this.pages = pages;
    }

    @GetMapping("/centres/{centreId}/cohorts/{cohortId}")
    String cohort(Caller caller, @PathVariable String centreId, @PathVariable String cohortId,
                  @RequestParam(required = false) @Nullable String rag, @RequestParam(required = false) @Nullable String unit,
                  @RequestParam(required = false) @Nullable String unitStatus, @RequestParam(required = false) @Nullable String q,
                  @RequestParam(required = false) @Nullable String sort, Model model) {
        requireCentre(caller, centreId);
        model.addAttribute("page", pages.page(centreId, cohortId, new GridQuery(rag, unit, unitStatus, q, sort)));
        return "pages/cohort";
    }

    @GetMapping(path = "/centres/{centreId}/cohorts/{cohortId}/grid.csv")
    ResponseEntity<String> csv(Caller caller, @PathVariable String centreId, @PathVariable String cohortId,
                               @RequestParam(required = false) @Nullable String rag, @RequestParam(required = false) @Nullable String unit,
                               @RequestParam(required = false) @Nullable String unitStatus, @RequestParam(required = false) @Nullable String q,
                               @RequestParam(required = false) @Nullable String sort) {
        requireCentre(caller, centreId);
        String csv = pages.csv(centreId, cohortId, new GridQuery(rag, unit, unitStatus, q, sort));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(centreId + "-" + cohortId + "-learners.csv").build().toString())
                .body(csv);
    }

    @GetMapping(path = "/centres/{centreId}/cohorts/{cohortId}/version", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> version(Caller caller, @PathVariable String centreId, @PathVariable String cohortId) {
        requireCentre(caller, centreId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(pages.version(centreId, cohortId));
    }
}
