package io.qualtrack.content.importer;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small pages laid out like the real ones, written to pin down one behaviour at a time. */
final class HandMadePages {

    private HandMadePages() {
    }

    /** A page with the given run-together learning-outcome line and assessment-criteria bullets. */
    static String page(String learningOutcomeLine, String... criteria) {
        return """
                Budgeting for SchoolsATHE Ltd Occupational Qualification Public Services Revision

                    A short teaser that the page cuts o

                    Topic Synopsis

                    Leaders plan and monitor school budgets.

                    Assessment criteria

                    ATHE Level 7 Diploma in Testing
                    ATHE Level 7 Diploma in Testing

                    Topic Overview

                    Overview text.

                    Key Concepts

                    Core ideas you must understand for this topic

                    • Budget cycle: the yearly rhythm of planning, approval and monitoring.

                    Learning Objectives

                    What you need to know and understand

                    • %s
                    • %s

                    Assessment Criteria

                    Key criteria assessors look for in your portfolio

                %s

                    Assessment Guidance

                    Guidance for achieving higher grades

                    • 💡Use a real budget from your own school.
                    • 💡Use a real budget from your own school.
                    • 💡Show how spending decisions follow school priorities.
                    • 💡Show how your spending decisions follow the school priorities.

                    Common Mistakes

                    Common errors to avoid in your coursework

                    • Treating the budget as a finance office task.

                    Before You Start

                    Prior knowledge that will help with this topic

                    • Basic spreadsheet skills.

                    Key Terminology

                    Essential terms to know

                    • %s
                """.formatted(learningOutcomeLine, learningOutcomeLine, bullets(criteria), learningOutcomeLine);
    }

    private static String bullets(String... items) {
        return Arrays.stream(items).map(item -> "    • " + item).collect(Collectors.joining("\n"));
    }
}
