package io.qualtrack.content.catalogue.web;

import io.qualtrack.content.catalogue.Qualification;
import io.qualtrack.content.catalogue.Unit;
import io.qualtrack.content.catalogue.UnitCatalogue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/qualifications")
class QualificationController {

    private final UnitCatalogue catalogue;

    QualificationController(UnitCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<QualificationResponse> qualifications() {
        Map<String, Unit> units = latestUnitsByCode();
        return catalogue.qualifications().stream().map(q -> toResponse(q, units)).toList();
    }

    @GetMapping("/{code}")
    QualificationResponse qualification(@PathVariable String code) {
        return toResponse(catalogue.qualification(code), latestUnitsByCode());
    }

    private Map<String, Unit> latestUnitsByCode() {
        return catalogue.latestUnits().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    }

    private static QualificationResponse toResponse(Qualification qualification, Map<String, Unit> units) {
        var summaries = qualification.unitCodes().stream()
                .map(units::get)
                .filter(Objects::nonNull)
                .map(u -> new QualificationResponse.UnitSummary(u.code(), u.version(), u.title(),
                        u.learningOutcomes().size(), u.criterionCount()))
                .toList();
        return new QualificationResponse(qualification.code(), qualification.title(), qualification.level(), summaries);
    }
}
