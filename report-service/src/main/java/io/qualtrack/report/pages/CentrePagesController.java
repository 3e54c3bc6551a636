package io.qualtrack.report.pages;

import io.qualtrack.report.cohort.CohortQueries;
import io.qualtrack.security.Caller;
import io.qualtrack.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import static io.qualtrack.report.tenancy.Tenancy.requireCentre;

/** The way in: the caller's centres (a learner goes to their own page instead), then one centre's cohorts. */
@Controller
class CentrePagesController {

    private final CohortQueries cohorts;

    CentrePagesController(CohortQueries cohorts) {
        this.cohorts = cohorts;
    }

    @GetMapping("/")
    String home(Caller caller) {
        return isLearner(caller) ? learnerPage(caller.learnerId()) : "redirect:/centres";
    }

    @GetMapping("/centres")
    String centres(Caller caller, Model model) {
        if (isLearner(caller)) {
            return learnerPage(caller.learnerId());
        }
        model.addAttribute("centres", cohorts.centres(caller::mayReadCentre));
        model.addAttribute("asOf", cohorts.today());
        return "pages/centres";
    }

    @GetMapping("/centres/{centreId}")
    String centre(Caller caller, @PathVariable String centreId, Model model) {
        requireCentre(caller, centreId);
        model.addAttribute("centreId", centreId);
        model.addAttribute("cohorts", cohorts.cohorts(centreId));
        model.addAttribute("atRisk", GridRow.of(cohorts.atRisk(centreId)));
        model.addAttribute("asOf", cohorts.today());
        return "pages/centre";
    }

    /** The learner look-up form's target, so finding a learner works without script. */
    @GetMapping("/learners")
    String findLearner(Caller caller, @RequestParam(name = "id", required = false) @Nullable String learnerId) {
        if (isLearner(caller)) {
            return learnerPage(caller.learnerId());
        }
        if (learnerId == null || learnerId.isBlank()) {
            return "redirect:/centres";
        }
        return learnerPage(learnerId.trim());
    }

    /** Someone signed in as a learner and not also as staff: their own page is their way in. */
    private static boolean isLearner(Caller caller) {
        return caller.has(Role.LEARNER) && caller.learnerId() != null && !caller.has(Role.CENTRE_STAFF) && !caller.has(Role.OPERATIONS);
    }

    private static String learnerPage(@Nullable String learnerId) {
        return "redirect:" + UriComponentsBuilder.fromPath("/learners/{id}").buildAndExpand(learnerId).encode().toUriString();
    }
}
