package io.qualtrack.report.web;

import io.qualtrack.report.dashboard.LearnerDashboards;
import io.qualtrack.report.tenancy.Tenancy;
import io.qualtrack.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LearnerDashboardController {

    private final Tenancy tenancy;

    LearnerDashboardController(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @GetMapping("/api/learners/{learnerId}/dashboard")
    LearnerDashboards.Dashboard dashboard(Caller caller, @PathVariable String learnerId) {
        return tenancy.dashboard(caller, learnerId);
    }
}
