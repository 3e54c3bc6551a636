package io.qualtrack.report.ontrack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an enrolment turns amber or red.
 *
 * @param amberBehindPoints     amber when the % of criteria met is this many points below the % expected by now
 * @param redBehindPoints       red when it is this many points below
 * @param amberInactiveDays     amber after this many days without any activity
 * @param redInactiveDays       red after this many days without any activity
 * @param amberAwaitingCriteria amber when this many criteria wait for an assessor or for IQA
 */
@ConfigurationProperties("qualtrack.report.on-track")
public record OnTrackThresholds(@DefaultValue("10") double amberBehindPoints,
                                @DefaultValue("25") double redBehindPoints,
                                @DefaultValue("21") int amberInactiveDays,
                                @DefaultValue("42") int redInactiveDays,
                                @DefaultValue("5") int amberAwaitingCriteria) {

    public static final OnTrackThresholds DEFAULTS = new OnTrackThresholds(10, 25, 21, 42, 5);
}
