package io.qualtrack.content.importer;

import java.util.Arrays;
import java.util.Optional;

/** The headings a raw unit revision page is divided by, with the fixed strapline under some of them. */
enum PageSection {
    /** Everything before the first heading: the run-together title line and a truncated teaser. */
    PREAMBLE(null, null),
    TOPIC_SYNOPSIS("Topic Synopsis", null),
    // The four tab labels carry no content of their own; recognising them keeps the header
    // block (repeated title, provider, stats) out of the sections we read.
    TAB_KEY_CONCEPTS("Key Concepts & Core Principles", null),
    TAB_EXAM_TIPS("Exam Tips & Revision Strategies", null),
    TAB_MISCONCEPTIONS("Common Misconceptions & Mistakes to Avoid", null),
    TAB_MARKING_POINTS("Examiner Marking Points", null),
    /** Lower-case "criteria": the qualifications the unit belongs to, not the criteria themselves. */
    QUALIFICATIONS("Assessment criteria", null),
    TOPIC_OVERVIEW("Topic Overview", null),
    KEY_CONCEPTS("Key Concepts", "Core ideas you must understand for this topic"),
    LEARNING_OBJECTIVES("Learning Objectives", "What you need to know and understand"),
    ASSESSMENT_CRITERIA("Assessment Criteria", "Key criteria assessors look for in your portfolio"),
    ASSESSMENT_GUIDANCE("Assessment Guidance", "Guidance for achieving higher grades"),
    COMMON_MISTAKES("Common Mistakes", "Common errors to avoid in your coursework"),
    FREQUENTLY_ASKED_QUESTIONS("Frequently Asked Questions", "Common questions students ask about this topic"),
    BEFORE_YOU_START("Before You Start", "Prior knowledge that will help with this topic"),
    KEY_TERMINOLOGY("Key Terminology", "Essential terms to know"),
    CLOSING("Ready to learn?", "AI-powered learning tailored to this unit");

    private final String heading;
    private final String strapline;

    PageSection(String heading, String strapline) {
        this.heading = heading;
        this.strapline = strapline;
    }

    String heading() {
        return heading;
    }

    boolean isStrapline(String line) {
        return line.equals(strapline);
    }

    /** Headings are matched exactly, case included: "Assessment Criteria" and "Assessment criteria" differ. */
    static Optional<PageSection> byHeading(String line) {
        return Arrays.stream(values())
                .filter(section -> section.heading != null && section.heading.equals(line))
                .findFirst();
    }
}
