package io.qualtrack.report.pages;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's template can use: the formats, and how often its script looks for new activity. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final PagesProperties properties;

    PageModel(PagesProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return new Formats();
    }

    @ModelAttribute("liveEveryMillis")
    long liveEveryMillis() {
        return properties.liveRefresh().toMillis();
    }
}
