package io.qualtrack.content.publication;

import io.qualtrack.content.catalogue.Pending;
import io.qualtrack.content.catalogue.Qualification;
import io.qualtrack.content.catalogue.Unit;
import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.content.UnitDefinition.CriterionDefinition;
import io.qualtrack.contract.content.UnitDefinition.LearningOutcomeDefinition;
import io.qualtrack.contract.content.UnitVersionPublished;

/** The catalogue as the content topic's contract shows it. */
final class ContentEvents {

    private ContentEvents() {
    }

    static UnitVersionPublished unitVersionPublished(Pending<Unit> pending) {
        Unit unit = pending.content();
        var outcomes = unit.learningOutcomes().stream()
                .map(lo -> new LearningOutcomeDefinition(lo.code(), lo.text(), lo.criteria().stream()
                        .map(c -> new CriterionDefinition(c.code(), c.text())).toList()))
                .toList();
        var definition = new UnitDefinition(unit.code(), unit.version(), unit.title(), unit.summary(), outcomes,
                unit.guidance().assessmentGuidance(), unit.guidance().commonMistakes(),
                unit.guidance().keyConcepts(), unit.guidance().priorKnowledge());
        return new UnitVersionPublished(pending.eventId(), pending.storedAt(), ContentEvent.SCHEMA_VERSION, definition);
    }

    static QualificationPublished qualificationPublished(Pending<Qualification> pending) {
        Qualification q = pending.content();
        return new QualificationPublished(pending.eventId(), pending.storedAt(), ContentEvent.SCHEMA_VERSION,
                new QualificationDefinition(q.code(), q.version(), q.title(), q.level(), q.unitCodes()));
    }
}
