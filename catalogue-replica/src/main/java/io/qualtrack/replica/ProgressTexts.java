package io.qualtrack.replica;

import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.UnitProgress;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Progress with the catalogue's words filled in: the qualification's and each unit's title (in the unit version the
 * progress is in), each outcome's and criterion's text. The progress topic carries none of them; where the catalogue
 * does not know a unit (yet), the words the progress carries stay, or its codes stand in for them.
 */
public final class ProgressTexts {

    private ProgressTexts() {
    }

    public static EnrolmentProgress fill(EnrolmentProgress progress, CatalogueView catalogue) {
        String title = qualificationTitle(catalogue, progress.qualificationCode(), progress.qualificationTitle());
        return new EnrolmentProgress(progress.learnerId(), progress.qualificationCode(), title, progress.centreId(),
                progress.cohortId(), progress.startDate(), progress.plannedEndDate(), progress.status(), progress.enrolledAt(),
                progress.withdrawnAt(), progress.lastActivityAt(), progress.summary(),
                progress.units().stream().map(unit -> fill(unit, catalogue.unit(unit.unitCode(), unit.unitVersion()))).toList());
    }

    /** The qualification's title from the catalogue; else the title {@code carried}, else its code. */
    public static String qualificationTitle(CatalogueView catalogue, String code, @Nullable String carried) {
        return catalogue.qualification(code).map(QualificationDefinition::title).orElse(or(carried, code));
    }

    /** The unit's title from its definition, where the catalogue has it; else the title {@code carried}, else its code. */
    public static String unitTitle(Optional<UnitDefinition> definition, String code, @Nullable String carried) {
        return definition.map(UnitDefinition::title).orElse(or(carried, code));
    }

    private static UnitProgress fill(UnitProgress unit, Optional<UnitDefinition> definition) {
        Map<String, String> outcomeTexts = new HashMap<>();
        Map<String, String> criterionTexts = new HashMap<>();
        definition.ifPresent(d -> d.learningOutcomes().forEach(lo -> {
            outcomeTexts.put(lo.code(), lo.text());
            lo.criteria().forEach(c -> criterionTexts.put(c.code(), c.text()));
        }));
        return new UnitProgress(unit.unitCode(), unit.unitVersion(), unitTitle(definition, unit.unitCode(), unit.title()), unit.summary(),
                unit.learningOutcomes().stream().map(lo -> new LearningOutcomeProgress(lo.code(),
                        outcomeTexts.getOrDefault(lo.code(), or(lo.text(), lo.code())), lo.summary(),
                        lo.criteria().stream().map(c -> fill(c, criterionTexts)).toList())).toList());
    }

    private static CriterionProgress fill(CriterionProgress c, Map<String, String> texts) {
        return new CriterionProgress(c.code(), texts.getOrDefault(c.code(), or(c.text(), c.code())), c.status(), c.evidenceRefs(),
                c.evidenceCount(), c.firstEvidenceAt(), c.assessment(), c.verification());
    }

    private static String or(@Nullable String text, String fallback) {
        return text != null ? text : fallback;
    }
}
