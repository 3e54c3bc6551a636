package io.qualtrack.content.catalogue.web;

import java.util.List;

/** A qualification with a summary of each of its units' latest version. */
record QualificationResponse(String code, String title, int level, List<UnitSummary> units) {

    record UnitSummary(String code, int version, String title, int learningOutcomes, int criteria) {
    }
}
