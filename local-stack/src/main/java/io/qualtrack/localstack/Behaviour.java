package io.qualtrack.localstack;

/**
 * How a demo learner is doing, so that the centres' dashboards show a spread. "Expected" progress is
 * the share of criteria met in proportion to the time elapsed between start and planned end.
 */
public enum Behaviour {
    /** Criteria met well ahead of elapsed time. */
    AHEAD,
    /** Criteria met roughly in proportion to elapsed time. */
    ON_TRACK,
    /** Somewhat behind: about two thirds of what is expected by now. */
    SOMEWHAT_BEHIND,
    /** Well behind: a quarter or so of what is expected by now. */
    WELL_BEHIND,
    /** Was working, then nothing for six weeks or more. */
    INACTIVE,
    /** Roughly on track, with several criteria evidenced recently and awaiting assessment. */
    ASSESSMENT_BACKLOG
}
