package io.qualtrack.report.pages;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where signing out ends, and where a sign-in that did not complete is explained: the only page open to all. */
@Controller
class SignedOutController {

    @GetMapping("/signed-out")
    String signedOut(@RequestParam(required = false) @Nullable String failed, Model model) {
        model.addAttribute("failed", failed != null);
        return "pages/signed-out";
    }
}
