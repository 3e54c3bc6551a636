package io.qualtrack.report.pages;

import io.qualtrack.report.tenancy.Tenancy;
import io.qualtrack.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A learner's own page, and the version its script polls: for the learner, and for staff of their centres. */
@Controller
class LearnerPageController {

    private final Tenancy tenancy;

    LearnerPageController(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @GetMapping("/learners/{learnerId}")
    String learner(Caller caller, @PathVariable String learnerId, Model model) {
        String version = tenancy.learnerVersion(caller, learnerId);
        model.addAttribute("page", LearnerPage.of(tenancy.dashboard(caller, learnerId), version));
        return "pages/learner";
    }

    @GetMapping(path = "/learners/{learnerId}/version", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> version(Caller caller, @PathVariable String learnerId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tenancy.learnerVersion(caller, learnerId));
    }
}
