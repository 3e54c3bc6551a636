package io.qualtrack.report.pages;

import io.qualtrack.report.dashboard.LearnerDashboards;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A learner's own page, and the version its script polls. */
@Controller
class LearnerPageController {

    private final LearnerDashboards dashboards;

    LearnerPageController(LearnerDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/learners/{learnerId}")
    String learner(@PathVariable String learnerId, Model model) {
        String version = dashboards.version(learnerId);
        model.addAttribute("page", LearnerPage.of(dashboards.of(learnerId), version));
        return "pages/learner";
    }

    @GetMapping(path = "/learners/{learnerId}/version", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> version(@PathVariable String learnerId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(dashboards.version(learnerId));
    }
}
