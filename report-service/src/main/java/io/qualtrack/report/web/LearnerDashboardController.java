package io.qualtrack.report.web;

import io.qualtrack.report.dashboard.LearnerDashboards;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LearnerDashboardController {

    private final LearnerDashboards dashboards;

    LearnerDashboardController(LearnerDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/learners/{learnerId}/dashboard")
    LearnerDashboards.Dashboard dashboard(@PathVariable String learnerId) {
        return dashboards.of(learnerId);
    }
}
