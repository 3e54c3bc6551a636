package io.qualtrack.report.pages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param liveRefresh how often an open page asks whether there is new activity to show */
@ConfigurationProperties("qualtrack.report.pages")
record PagesProperties(@DefaultValue("5s") Duration liveRefresh) {
}
