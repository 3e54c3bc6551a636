package io.qualtrack.report.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxPageSize the most learners one page of a cohort list holds, whatever the caller asks for */
@ConfigurationProperties("qualtrack.report.learners")
record ListingProperties(@DefaultValue("100") int maxPageSize) {
}
