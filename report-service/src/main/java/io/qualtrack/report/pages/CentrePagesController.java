package io.qualtrack.report.pages;

import io.qualtrack.report.cohort.CohortQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The way in: every centre, then one centre's cohorts. */
@Controller
class CentrePagesController {

    private final CohortQueries cohorts;

    CentrePagesController(CohortQueries cohorts) {
        this.cohorts = cohorts;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/centres";
    }

    @GetMapping("/centres")
    String centres(Model model) {
        model.addAttribute("centres", cohorts.centres());
        model.addAttribute("asOf", cohorts.today());
        return "pages/centres";
    }

    @GetMapping("/centres/{centreId}")
    String centre(@PathVariable String centreId, Model model) {
        model.addAttribute("centreId", centreId);
        model.addAttribute("cohorts", cohorts.cohorts(centreId));
        model.addAttribute("atRisk", GridRow.of(cohorts.atRisk(centreId)));
        model.addAttribute("asOf", cohorts.today());
        return "pages/centre";
    }

    /** The learner look-up form's target, so finding a learner works without script. */
    @GetMapping("/learners")
    String findLearner(@RequestParam(name = "id", required = false) @Nullable String learnerId) {
        if (learnerId == null || learnerId.isBlank()) {
            return "redirect:/centres";
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/learners/{id}").buildAndExpand(learnerId.trim()).encode().toUriString();
    }
}
